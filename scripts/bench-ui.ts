/**
 * The user interface at scale (issue 11, "The UI at scale"): Debian's Chromium drives browser mode
 * against a city-scale data folder and times what a person waits for.
 *
 *   npm run bench:ui -- --data-dir DIR          # a city folder (npm run hearth -- demo --scale city --data-dir DIR)
 *   npm run bench:ui -- --data-dir DIR --runs 3 # fewer rounds (default 7)
 *   npm run bench:ui                            # the bench's cache folder (made once per generator version)
 *   npm run bench:ui -- --data-dir DIR --screenshots ru,el
 *                                               # also artifacts/city-{home,board,board-volunteers}-<lng>.png at 1366×768
 *
 * The folder is copied to a temporary folder first (signing in and opening a resident write to the
 * audit log), served with `hearth serve`, and opened as the demo admin. Each round is a fresh
 * browser context (an empty HTTP cache and query cache):
 *
 * - cold start: navigation to the home screen until the search box has the focus and today's queue
 *   is painted (performance.now() after the next frame, from the navigation's start);
 * - keystroke → results: names in each script typed into the front-desk search a key at a time, at
 *   a typist's pace; from the key event (its timeStamp) until the results list shows the answer for
 *   what the box holds (the same names as `residents.search` answers, asked beforehand) and a frame
 *   has been painted;
 * - long tasks over 50 ms while typing (PerformanceObserver 'longtask');
 * - opening a resident, the request list, the board, the cash book and the cash flow from the app
 *   (a route change) until the screen's content is painted, and the longest task on the way;
 * - memory after opening them: the host process's RSS (/proc) and the renderer's JS heap (CDP
 *   Performance.getMetrics).
 *
 * With --screenshots the home screen, the board by day (the whole page) and by volunteer are saved
 * in each language given, after the rounds.
 *
 * Prints a table; per screen its DOM size, the page's own time, its longest task and the slowest
 * call it waited for; and as its last line one JSON object
 * {"metrics":[{name, unit, p50, p95, budget_p95?}, …]}. The exit code is 0 even when a budget is
 * exceeded; such lines say OVER BUDGET.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type Page } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..');
const RENDERER_INDEX = path.join(ROOT, 'dist', 'renderer', 'index.html');
const ARTIFACTS = path.join(ROOT, 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SEARCH_LIMIT = 8; // what the front desk asks for (HomeScreen)
const KEY_TIMEOUT_MS = 5_000;
const SCREEN_TIMEOUT_MS = 30_000;

const BUDGETS = {
  coldStart: 1_500,
  keystroke: 100,
  screen: 300,
  memoryMb: 400,
} as const;

// ---------------------------------------------------------------------------------------------
// In the page: helpers installed before any script of the app runs

type ScreenKind = 'home' | 'resident' | 'requests' | 'board' | 'cashbook' | 'cashflow';

interface BenchGlobals {
  /** The first key event (keydown, beforeinput or input) since the last measurement. */
  keyAt: number | null;
  /** The children of <main> before a route change. */
  before: Set<Element>;
  /** Remembers what <main> holds now: ready() looks only at what comes after. */
  leaving(): void;
  longTasks: Array<{ start: number; duration: number }>;
  /** Resolves with performance.now() after the frame that shows `ready()` has been painted. */
  whenPainted(ready: () => boolean, timeoutMs: number): Promise<number | null>;
  ready(kind: ScreenKind, arg: string): boolean;
  results(query: string, names: string[]): boolean;
  nodes(): number;
}

declare global {
  interface Window {
    __bench: BenchGlobals;
  }
}

function installPageHelpers(): void {
  const afterPaint = () =>
    new Promise<number>((resolve) =>
      requestAnimationFrame(() => {
        // A message posted from the frame's callback runs once that frame has been produced.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(0);
      }),
    );
  const bench: BenchGlobals = {
    keyAt: null,
    before: new Set(),
    longTasks: [],
    whenPainted(ready, timeoutMs) {
      return new Promise((resolve) => {
        let done = false;
        const finish = (value: number | null) => {
          if (done) return;
          done = true;
          observer.disconnect();
          clearTimeout(timer);
          clearInterval(poll);
          resolve(value);
        };
        const check = () => {
          if (!done && ready()) {
            done = true;
            observer.disconnect();
            clearTimeout(timer);
            clearInterval(poll);
            void afterPaint().then(resolve);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        const timer = setTimeout(() => finish(null), timeoutMs);
        // Focus changes are no mutations.
        const poll = setInterval(check, 25);
        check();
      });
    },
    ready(kind, arg) {
      const main = document.querySelector('main');
      if (!main || main.querySelector('.loading')) return false;
      // Only what the route change drew (the screen left behind may match too).
      const fresh = Array.from(main.children).filter((c) => !bench.before.has(c));
      const find = (selector: string) => fresh.some((c) => c.matches(selector) || c.querySelector(selector) !== null);
      switch (kind) {
        case 'home': {
          const input = document.querySelector('input.search-input');
          return input !== null && document.activeElement === input && find('section.queue table');
        }
        case 'resident':
          return fresh.some((c) => c.querySelector('h1')?.textContent === arg) && find('table');
        case 'requests':
          return find('table.data-table tbody tr');
        case 'board':
          return find('.week-grid, .vol-table');
        case 'cashbook':
          return find('table.cb-entries tbody tr');
        case 'cashflow':
          return find('.cf-table, .cashflow p.muted');
      }
    },
    leaving() {
      bench.before = new Set(Array.from(document.querySelector('main')?.children ?? []));
    },
    results(query, names) {
      if (names.length === 0) return document.querySelector('.no-results')?.textContent?.includes(query) ?? false;
      const shown = Array.from(document.querySelectorAll('.results .result-name'), (e) => e.textContent ?? '');
      return shown.length === names.length && shown.every((n, i) => n === names[i]);
    },
    nodes: () => document.getElementsByTagName('*').length,
  };
  window.__bench = bench;
  for (const type of ['keydown', 'beforeinput', 'input']) {
    document.addEventListener(
      type,
      (e) => {
        if (bench.keyAt === null) bench.keyAt = e.timeStamp;
      },
      { capture: true },
    );
  }
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

// ---------------------------------------------------------------------------------------------
// Statistics and output

interface Metric {
  name: string;
  unit: string;
  p50: number;
  p95: number;
  budget_p95?: number;
  n: number;
}

function quantile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
}

function metric(name: string, unit: string, samples: readonly number[], budget?: number): Metric {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (x: number) => Number(x.toFixed(1));
  return { name, unit, p50: round(quantile(sorted, 0.5)), p95: round(quantile(sorted, 0.95)), n: sorted.length, ...(budget !== undefined ? { budget_p95: budget } : {}) };
}

function printTable(metrics: readonly Metric[]): void {
  const rows = metrics.map((m) => [
    m.name,
    m.unit,
    String(m.n),
    String(m.p50),
    String(m.p95),
    m.budget_p95 === undefined ? '' : String(m.budget_p95),
    m.budget_p95 === undefined ? '' : m.p95 <= m.budget_p95 ? 'ok' : 'OVER BUDGET',
  ]);
  const head = ['metric', 'unit', 'n', 'p50', 'p95', 'budget p95', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}

// ---------------------------------------------------------------------------------------------
// The host

interface Host {
  child: ChildProcess;
  url: string;
  openUrl: string;
  startMs: number;
  stop(): Promise<void>;
}

async function startHost(dataDir: string): Promise<Host> {
  const started = performance.now();
  // Node itself (tsx as a loader), so that the pid is the process whose memory counts.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('electron', 'http', 'cli.ts'), 'serve', '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let output = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the host did not start within 120 s:\n${output}`)), 120_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the host exited (code ${code}):\n${output}`));
    });
  });
  const startMs = performance.now() - started;
  return {
    child,
    openUrl,
    url: `${new URL(openUrl).origin}/`,
    startMs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

// ---------------------------------------------------------------------------------------------
// Calls as the signed-in browser context

async function call<T>(context: BrowserContext, host: Host, name: string, input: unknown): Promise<T> {
  const response = await context.request.post(`${host.url}api/call/${name}`, { data: input });
  const body = (await response.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error.code} ${body.error.message}`);
  return body.value;
}

interface DemoAccount {
  userId: number;
  role: string;
  password: string;
}

async function signIn(context: BrowserContext, host: Host): Promise<void> {
  await context.request.get(host.openUrl); // the launch-token and session cookies
  const status = await call<{ session: { demoAccounts?: DemoAccount[] | null } }>(context, host, 'app.status', {});
  const admin = status.session.demoAccounts?.find((a) => a.role === 'admin');
  if (!admin) throw new Error('The folder is not a demo centre (no demo admin to sign in as): use `npm run hearth -- demo --scale city --data-dir DIR`.');
  await call(context, host, 'auth.signIn', { userId: admin.userId, password: admin.password });
}

interface ResidentSummary {
  id: number;
  fullName: string;
  lastName?: string;
}

/** What a front-desk worker types for a person: the last name, a space, the first name. */
function typedText(r: ResidentSummary): string {
  return r.fullName.split(' ').slice(0, 2).join(' ');
}

const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Cyrillic', /^\p{Script=Cyrillic}/u],
  ['Latin', /^\p{Script=Latin}/u],
  ['Greek', /^\p{Script=Greek}/u],
];

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, runs: { type: 'string' }, 'in-place': { type: 'boolean' }, screenshots: { type: 'string' } },
    strict: true,
  });
  const runs = Number(values.runs ?? 7);
  const source = values['data-dir'];
  if (!source) throw new Error('usage: npm run bench:ui -- --data-dir DIR (a city-scale folder: npm run hearth -- demo --scale city --data-dir DIR)');
  if (!existsSync(path.join(source, 'hearth.sqlite'))) throw new Error(`${source} holds no hearth.sqlite`);
  if (!existsSync(RENDERER_INDEX)) throw new Error('the user interface is not built: npm run build:renderer');

  const sizeMb = statSync(path.join(source, 'hearth.sqlite')).size / 1024 ** 2;
  let dataDir = source;
  let temp: string | null = null;
  if (!values['in-place']) {
    // The database alone (not the backups), and only while no Hearth has it open.
    const lock = path.join(source, 'hearth.lock');
    if (existsSync(lock)) {
      const pid = (JSON.parse(readFileSync(lock, 'utf8')) as { pid?: number }).pid;
      let alive = false;
      try {
        if (pid !== undefined) alive = process.kill(pid, 0);
      } catch {
        alive = false;
      }
      if (alive) throw new Error(`${source} is open in Hearth (process ${pid}): close it first.`);
    }
    temp = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-ui-'));
    dataDir = path.join(temp, 'data');
    mkdirSync(dataDir);
    for (const name of ['hearth.sqlite', 'hearth.sqlite-wal']) {
      if (existsSync(path.join(source, name))) cpSync(path.join(source, name), path.join(dataDir, name));
    }
  }
  console.log(`Hearth bench:ui — ${source} (${sizeMb.toFixed(0)} MB), ${runs} rounds, Chromium ${CHROMIUM}`);
  console.log(`machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);

  if (values.screenshots) mkdirSync(ARTIFACTS, { recursive: true });
  const host = await startHost(dataDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const samples = {
    coldStart: [] as number[],
    keystroke: [] as number[],
    keystrokeTimeouts: 0,
    searchCall: [] as number[],
    longTasks: [] as number[],
    longestTask: [] as number[],
    resident: [] as number[],
    requests: [] as number[],
    board: [] as number[],
    cashbook: [] as number[],
    cashflow: [] as number[],
    hostRss: [] as number[],
    rendererHeap: [] as number[],
  };
  const nodes = new Map<ScreenKind, number[]>();
  const slowestCalls = new Map<ScreenKind, Array<{ name: string; ms: number }>>();
  const pageShare = new Map<ScreenKind, number[]>();
  const longestTask = new Map<ScreenKind, number[]>();
  const countNodes = async (page: Page, kind: ScreenKind) => {
    const n = await page.evaluate(() => window.__bench.nodes());
    nodes.set(kind, [...(nodes.get(kind) ?? []), n]);
  };

  try {
    // What to type and whom to open, asked once through the contract.
    const setup = await browser.newContext();
    await signIn(setup, host);
    const pool = await call<ResidentSummary[]>(setup, host, 'residents.search', { q: '', limit: 500 });
    const people: ResidentSummary[] = [];
    for (const [, re] of SCRIPTS) people.push(...pool.filter((r) => re.test(r.fullName)).filter((_, i) => i % 37 === 5).slice(0, 2 * runs));
    const typed = new Map<string, string[]>();
    for (const person of people) {
      const text = typedText(person);
      for (let i = 1; i <= text.length; i++) {
        const q = text.slice(0, i).trim();
        if (!typed.has(q)) typed.set(q, (await call<ResidentSummary[]>(setup, host, 'residents.search', { q, limit: SEARCH_LIMIT })).map((r) => r.fullName));
      }
    }
    await setup.close();

    for (let round = 0; round < runs; round++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      await signIn(context, host);
      const page = await context.newPage();
      // (tsx names functions with a __name helper that the page does not have.)
      await page.addInitScript({ content: `var __name = (f) => f; (${installPageHelpers.toString()})();` });
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');

      // Cold start: a fresh context, the app's address, until the home screen is usable.
      await page.goto(`${host.url}#/`);
      const cold = await page.evaluate((ms) => window.__bench.whenPainted(() => window.__bench.ready('home', ''), ms), SCREEN_TIMEOUT_MS);
      if (cold === null) throw new Error('the home screen did not become usable');
      samples.coldStart.push(cold);
      await countNodes(page, 'home');

      // Typing: names in each script, a key at a time.
      const input = page.locator('input.search-input');
      const typingStart = await page.evaluate(() => performance.now());
      for (const script of SCRIPTS.map(([, re]) => re)) {
        const person = people.filter((p) => script.test(p.fullName))[round % Math.max(1, people.filter((p) => script.test(p.fullName)).length)];
        if (!person) continue;
        await input.fill('');
        await page.waitForTimeout(200);
        const text = typedText(person);
        for (const ch of text) {
          await page.evaluate(() => {
            window.__bench.keyAt = null;
          });
          await page.keyboard.type(ch);
          const value = await input.inputValue();
          const q = value.trim();
          const names = typed.get(q) ?? [];
          const painted = await page.evaluate(
            ([query, expected, ms]) => window.__bench.whenPainted(() => window.__bench.results(query, expected), ms),
            [q, names, KEY_TIMEOUT_MS] as const,
          );
          const keyAt = await page.evaluate(() => window.__bench.keyAt);
          if (painted === null || keyAt === null) {
            samples.keystrokeTimeouts++;
            samples.keystroke.push(KEY_TIMEOUT_MS);
          } else {
            samples.keystroke.push(painted - keyAt);
            // The search call this keystroke made (if its answer was not in the cache): the core's and the network's share.
            const call = await page.evaluate(
              ([from, to]) =>
                (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
                  .filter((e) => e.name.endsWith('/api/call/residents.search') && e.startTime >= from && e.responseEnd <= to)
                  .map((e) => e.responseEnd - e.startTime),
              [keyAt, painted] as const,
            );
            samples.searchCall.push(...call);
          }
          // A typist's pace: the next key 80–200 ms later.
          await page.waitForTimeout(80 + Math.round(Math.random() * 120));
        }
      }
      const typingEnd = await page.evaluate(() => performance.now());
      const tasks = await page.evaluate(([from, to]) => window.__bench.longTasks.filter((t) => t.start >= from && t.start <= to && t.duration > 50), [typingStart, typingEnd] as const);
      samples.longTasks.push(tasks.length);
      samples.longestTask.push(Math.max(0, ...tasks.map((t) => t.duration)));
      await input.fill('');

      // Screens, opened from the app as a route change.
      const open = async (kind: ScreenKind, route: string, arg = '') => {
        const timing = await page.evaluate(
          ([k, r, a, timeout]) => {
            window.__bench.leaving();
            const start = performance.now();
            window.location.hash = r;
            return window.__bench.whenPainted(() => window.__bench.ready(k, a), timeout).then((end) => {
              if (end === null) return null;
              // The calls the screen made on its way (Resource Timing): the slowest is the core's share.
              const entries = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
                (e) => e.name.includes('/api/call/') && e.startTime >= start && e.responseEnd <= end,
              );
              const calls = entries.map((e) => ({ name: e.name.replace(/^.*\/api\/call\//, ''), ms: e.responseEnd - e.startTime }));
              // The page's own share: from the last answer to the painted screen.
              const lastAnswer = Math.max(start, ...entries.map((e) => e.responseEnd));
              const longest = Math.max(0, ...window.__bench.longTasks.filter((task) => task.start >= start && task.start <= end).map((task) => task.duration));
              return { ms: end - start, calls, page: end - lastAnswer, longest };
            });
          },
          [kind, route, arg, SCREEN_TIMEOUT_MS] as const,
        );
        if (timing === null) throw new Error(`${kind} (${route}) did not open within ${SCREEN_TIMEOUT_MS / 1000} s`);
        await countNodes(page, kind);
        const slowest = timing.calls.reduce((a, b) => (b.ms > a.ms ? b : a), { name: '', ms: 0 });
        slowestCalls.set(kind, [...(slowestCalls.get(kind) ?? []), slowest]);
        pageShare.set(kind, [...(pageShare.get(kind) ?? []), timing.page]);
        longestTask.set(kind, [...(longestTask.get(kind) ?? []), timing.longest]);
        return timing.ms;
      };
      const resident = people[(round * 7 + 3) % people.length] as ResidentSummary;
      samples.resident.push(await open('resident', `#/residents/${resident.id}`, resident.fullName));
      samples.requests.push(await open('requests', '#/requests'));
      samples.board.push(await open('board', '#/board'));
      samples.cashbook.push(await open('cashbook', '#/cashbook'));
      samples.cashflow.push(await open('cashflow', '#/cashflow'));

      // Memory after opening them.
      samples.hostRss.push(rssMb(host.child.pid as number));
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
      samples.rendererHeap.push((metrics.find((m) => m.name === 'JSHeapTotalSize')?.value ?? Number.NaN) / 1024 ** 2);
      await context.close();
      process.stdout.write(`round ${round + 1}/${runs} done\n`);
    }

    for (const language of (values.screenshots ?? '').split(',').filter(Boolean)) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      await signIn(context, host);
      const page = await context.newPage();
      await page.addInitScript((lng) => window.localStorage.setItem('hearth.language', lng), language);
      await page.addInitScript({ content: `var __name = (f) => f; (${installPageHelpers.toString()})();` });
      await page.goto(`${host.url}#/`);
      await page.evaluate((ms) => window.__bench.whenPainted(() => window.__bench.ready('home', ''), ms), SCREEN_TIMEOUT_MS);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: path.join(ARTIFACTS, `city-home-${language}.png`) });
      // The board by day as a whole page (the panels, every day's first cards, counts and "Show all"),
      // by volunteer as the window shows it (the table scrolls in its own box).
      await page.goto(`${host.url}#/board`);
      await page.locator('.week-grid').waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, `city-board-${language}.png`), fullPage: true });
      await page.goto(`${host.url}#/board?view=volunteer`);
      await page.locator('.vol-table tbody tr').first().waitFor();
      await page.locator('.week').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(ARTIFACTS, `city-board-volunteers-${language}.png`) });
      await context.close();
      console.log(`screenshots: artifacts/city-{home,board,board-volunteers}-${language}.png`);
    }
  } finally {
    await browser.close();
    await host.stop();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }

  const memory = samples.hostRss.map((rss, i) => rss + (samples.rendererHeap[i] ?? 0));
  const metrics: Metric[] = [
    metric('ui.hostStart', 'ms', [host.startMs]),
    metric('ui.coldStart', 'ms', samples.coldStart, BUDGETS.coldStart),
    metric('ui.search.keystroke', 'ms', samples.keystroke, BUDGETS.keystroke),
    metric('ui.search.call', 'ms', samples.searchCall),
    metric('ui.search.longTasks', 'count', samples.longTasks, 0),
    metric('ui.search.longestTask', 'ms', samples.longestTask, 50),
    metric('ui.open.resident', 'ms', samples.resident, BUDGETS.screen),
    metric('ui.open.requests', 'ms', samples.requests, BUDGETS.screen),
    metric('ui.open.board', 'ms', samples.board, BUDGETS.screen),
    metric('ui.open.board.longestTask', 'ms', longestTask.get('board') ?? [], 50),
    metric('ui.open.cashbook', 'ms', samples.cashbook, BUDGETS.screen),
    metric('ui.open.cashflow', 'ms', samples.cashflow, BUDGETS.screen),
    metric('ui.memory.host', 'MB', samples.hostRss),
    metric('ui.memory.renderer', 'MB', samples.rendererHeap),
    metric('ui.memory.total', 'MB', memory, BUDGETS.memoryMb),
  ];
  console.log('');
  printTable(metrics);
  if (samples.keystrokeTimeouts > 0) console.log(`\n${samples.keystrokeTimeouts} keystrokes never showed their results within ${KEY_TIMEOUT_MS} ms (counted as ${KEY_TIMEOUT_MS} ms).`);
  console.log(
    "\nPer screen (medians): DOM elements; the page's own time from the last answer to the painted screen; its longest task; the slowest call it waited for.",
  );
  const med = (xs: readonly number[]) => quantile([...xs].sort((a, b) => a - b), 0.5);
  for (const [kind, counts] of nodes) {
    const calls = slowestCalls.get(kind) ?? [];
    const names = [...new Set(calls.map((c) => c.name).filter(Boolean))].join(', ');
    const own = pageShare.get(kind);
    const longest = longestTask.get(kind) ?? [];
    console.log(
      `  ${kind.padEnd(9)} ${String(med(counts)).padStart(6)} elements` +
        (own
          ? `   page ${med(own).toFixed(0).padStart(4)} ms   longest task ${med(longest).toFixed(0).padStart(4)} ms   ${names} ${med(calls.map((c) => c.ms)).toFixed(0)} ms`
          : ''),
    );
  }
  console.log('');
  console.log(JSON.stringify({ metrics: metrics.map(({ n: _n, ...m }) => m) }));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
