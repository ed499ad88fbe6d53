/**
 * The `hearth` fixture: every test gets its own browser-mode host on a fresh temp data folder.
 *
 *   test.use({ setUp: { centreName: '…', country: 'GR', currency: 'EUR', language: 'el' } })
 *       completes the first run through the contract (no demo data) before the test starts;
 *   test.use({ demo: true, demoLanguage: 'ru' })
 *       seeds the folder with `hearth demo` (first run + demo data) before serving.
 *   Neither: the app opens on the first-run screen.
 *
 * With setUp or demo, the browser context is signed in before the test starts (through the
 * contract, with the context's cookies), as the admin unless `test.use({ signInAs: 'frontdesk' })`
 * (or coordinator, treasurer) says otherwise; `signInAs: null` leaves it on the sign-in screen.
 * `hearth.call` acts as the first admin (the host runs with --script-admin).
 *
 * The host is `tsx electron/http/cli.ts serve --data-dir <tmp> --port 0`, started from the repo
 * root; the fixture waits for the printed address and kills the process group afterwards.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test as base, expect, type BrowserContext, type Page, type Request } from '@playwright/test';
import type { CallInput, CallName, CallOutput } from '../../shared/api/contract';
import type { CentreSettings } from '../../shared/domain/settings';
import type { Role } from '../../shared/api/roles';
import { ROOT } from './paths';
import { translator, type Lng } from './i18n';

const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
/** The first admin's password of a centre set up through `setUp` (the demo's is on its sign-in screen). */
export const E2E_ADMIN_PASSWORD = 'e2e-admin-password';
/** Users of other roles that the fixture adds to a `setUp` centre for `signInAs`: password and PIN. */
export const E2E_USER_PASSWORD = (role: Role) => `${role}-e2e-password`;
export const E2E_PIN = '1234';
const CLI = path.join('electron', 'http', 'cli.ts');
const START_TIMEOUT_MS = 20_000;
const DEMO_TIMEOUT_MS = 120_000;
// The address the host prints once it listens (in the centre's language: read the URL, not the words).
const READY_LINE = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/;

export interface Hearth {
  /** http://127.0.0.1:PORT/ */
  url: string;
  /** The printed address with ?token=…: sets the session cookie and redirects to the app. */
  openUrl: string;
  token: string;
  dataDir: string;
  /** Calls the contract over HTTP as a script would (Bearer token); throws on an error envelope. */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** Stops the host now (the test goes on without it). */
  stop(): Promise<void>;
  /** What the host has printed so far (stdout and stderr). */
  output(): string;
}

export class ContractError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly body: unknown,
  ) {
    super(`${code}: ${message}`);
    this.name = 'ContractError';
  }
}

interface Options {
  demo: boolean;
  demoLanguage: Lng;
  setUp: CentreSettings | null;
  /** Who the browser context is signed in as (setUp and demo only); null: nobody. */
  signInAs: Role | null;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // The host was started as a process-group leader (detached): tsx and the node it runs go together.
    if (process.platform === 'win32') child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 5_000));
  if ((await Promise.race([exited, timer])) === 'timeout') {
    killGroup(child, 'SIGKILL');
    await exited;
  }
}

async function startHost(dataDir: string): Promise<{ child: ChildProcess; openUrl: string; output: () => string }> {
  const child = spawn(TSX, [CLI, 'serve', '--data-dir', dataDir, '--port', '0', '--script-admin'], {
    cwd: ROOT,
    detached: process.platform !== 'win32',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HEARTH_DATA_DIR: dataDir, NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  const output = () => [stdout && `--- stdout ---\n${stdout}`, stderr && `--- stderr ---\n${stderr}`].filter(Boolean).join('\n');
  try {
    const openUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The Hearth host did not print its address within ${START_TIMEOUT_MS / 1000} s.\n${output()}`)), START_TIMEOUT_MS);
      const done = (fn: () => void) => {
        clearTimeout(timer);
        fn();
      };
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const match = READY_LINE.exec(stdout);
        if (match?.[1]) done(() => resolve(match[1] as string));
      });
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      child.once('error', (e) => done(() => reject(new Error(`Could not start the Hearth host: ${e.message}\n${output()}`))));
      child.once('exit', (code, signal) =>
        done(() => reject(new Error(`The Hearth host exited early (code ${code}, signal ${signal}).\n${output()}`))),
      );
    });
    return { child, openUrl, output };
  } catch (e) {
    await stopProcess(child);
    throw e;
  }
}

async function seedDemo(dataDir: string, language: Lng): Promise<void> {
  try {
    await promisify(execFile)(TSX, [CLI, 'demo', '--data-dir', dataDir, '--language', language], {
      cwd: ROOT,
      timeout: DEMO_TIMEOUT_MS,
      env: { ...process.env, NO_COLOR: '1' },
    });
  } catch (e) {
    const err = e as Error & { stdout?: string; stderr?: string };
    throw new Error(`hearth demo failed: ${err.message}\n--- stdout ---\n${err.stdout ?? ''}\n--- stderr ---\n${err.stderr ?? ''}`);
  }
}

export const test = base.extend<Options & { hearth: Hearth }>({
  demo: [false, { option: true }],
  demoLanguage: ['en', { option: true }],
  setUp: [null, { option: true }],
  signInAs: ['admin', { option: true }],

  // Users and sign-in (issue 6): signed in through the contract with the context's own cookies
  // (launch token + session), so that the app opens signed in.
  context: async ({ context, hearth, demo, setUp, signInAs }, use) => {
    if ((demo || setUp) && signInAs) await signInContext(context, hearth, signInAs);
    await use(context);
  },

  // Network guard (issue 6, "no network traffic at all"): every request of every page of the test
  // must stay on 127.0.0.1 (the Hearth host) or in memory (data:, blob:); anything else fails the test.
  // (A request the CSP refused, net::ERR_BLOCKED_BY_CSP, never reached the network and is not counted.)
  page: async ({ page }, use) => {
    const outbound: Request[] = [];
    page.context().on('request', (request) => {
      if (!/^(http:\/\/127\.0\.0\.1(:\d+)?\/|data:|blob:|about:blank)/.test(request.url())) outbound.push(request);
    });
    await use(page);
    const left = outbound.filter((r) => !/^(csp|net::ERR_BLOCKED_BY_CSP)$/.test(r.failure()?.errorText ?? '')).map((r) => `${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`);
    expect(left, 'requests that left this computer').toEqual([]);
  },

  hearth: async ({ demo, demoLanguage, setUp }, use) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hearth-e2e-'));
    let child: ChildProcess | undefined;
    try {
      if (demo) await seedDemo(dataDir, demoLanguage);
      const host = await startHost(dataDir);
      child = host.child;
      const openUrl = host.openUrl;
      const parsed = new URL(openUrl);
      const token = parsed.searchParams.get('token') ?? '';
      const url = `${parsed.origin}/`;

      const call = async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
        const response = await fetch(`${url}api/call/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input),
        });
        const body = (await response.json()) as { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
        if (!body.ok) throw new ContractError(body.error.code, body.error.message, body);
        return body.value as CallOutput<K>;
      };

      if (setUp && !demo) await call('setup.complete', { ...setUp, demo: false, adminPassword: E2E_ADMIN_PASSWORD });

      const running = child;
      await use({ url, openUrl, token, dataDir, call, stop: () => stopProcess(running), output: host.output });
    } finally {
      if (child) await stopProcess(child);
      await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    }
  },
});

export { expect };

type ApiBody<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** Calls the contract with the browser context's cookies (its session), as the UI would. */
export async function contextCall<K extends CallName>(context: BrowserContext, hearth: Hearth, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const response = await context.request.post(`${hearth.url}api/call/${name}`, { data: input });
  const body = (await response.json()) as ApiBody<CallOutput<K>>;
  if (!body.ok) throw new ContractError(body.error.code, body.error.message, body);
  return body.value;
}

/**
 * Signs the browser context in as a user of `role`: the admin (user 1); in a demo centre the demo
 * user of that role (passwords from its sign-in screen); otherwise a user the fixture adds, with
 * E2E_USER_PASSWORD(role) and, for the front desk and coordinators, the PIN E2E_PIN.
 */
export async function signInContext(context: BrowserContext, hearth: Hearth, role: Role): Promise<{ userId: number; password: string }> {
  await context.request.get(hearth.openUrl); // the launch-token and session cookies
  const status = await contextCall(context, hearth, 'app.status', {});
  let account: { userId: number; password: string };
  const demoAccount = status.session.demoAccounts?.find((a) => a.role === role);
  if (demoAccount) account = { userId: demoAccount.userId, password: demoAccount.password };
  else if (role === 'admin') account = { userId: 1, password: E2E_ADMIN_PASSWORD };
  else {
    const pin = role === 'frontdesk' || role === 'coordinator' ? E2E_PIN : null;
    const names: Record<Role, string> = { frontdesk: 'Галина Мартынова', coordinator: 'Анна Белова', treasurer: 'Ирина Козлова', admin: '' };
    const user = await hearth.call('users.create', { name: names[role], role, language: null, password: E2E_USER_PASSWORD(role), pin });
    account = { userId: user.id, password: E2E_USER_PASSWORD(role) };
  }
  await contextCall(context, hearth, 'auth.signIn', account);
  return account;
}

/**
 * Opens the app as a person would (the printed address), in a given UI language. The language is
 * what the app keeps in localStorage 'hearth.language'; it is set before the first page script
 * runs, and only when the browser has not chosen one yet, so a later switch survives a reload.
 * Returns t() for that language. `route` is a HashRouter path such as '/requests/3'.
 */
export async function openApp(page: Page, hearth: Hearth, options: { language?: Lng; route?: string } = {}) {
  const language = options.language ?? 'en';
  await page.context().addInitScript((lng: string) => {
    if (window.localStorage.getItem('hearth.language') === null) window.localStorage.setItem('hearth.language', lng);
  }, language);
  await page.goto(hearth.openUrl);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  if (options.route) await page.goto(`${hearth.url}#${options.route}`);
  return translator(language);
}

/** A centre set up through the contract, without demo data. */
export function centre(language: Lng, centreName = 'Test centre'): CentreSettings {
  const country = ({ en: 'OTHER', ru: 'RU', uk: 'UA', pl: 'PL', el: 'GR' } as const)[language];
  const currency = ({ en: 'EUR', ru: 'RUB', uk: 'UAH', pl: 'PLN', el: 'EUR' } as const)[language];
  return { centreName, country, currency, language };
}
