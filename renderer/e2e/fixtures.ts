/**
 * The `hearth` fixture: every test gets its own browser-mode host on a fresh temp data folder.
 *
 *   test.use({ setUp: { centreName: '…', country: 'GR', currency: 'EUR', language: 'el' } })
 *       completes the first run through the contract (no demo data) before the test starts;
 *   test.use({ demo: true, demoLanguage: 'ru' })
 *       seeds the folder with `hearth demo` (first run + demo data) before serving.
 *   Neither: the app opens on the first-run screen.
 *
 * The host is `tsx electron/http/cli.ts serve --data-dir <tmp> --port 0`, started from the repo
 * root; the fixture waits for the printed address and kills the process group afterwards.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test as base, expect, type Page } from '@playwright/test';
import type { CallInput, CallName, CallOutput } from '../../shared/api/contract';
import type { CentreSettings } from '../../shared/domain/settings';
import { ROOT } from './paths';
import { translator, type Lng } from './i18n';

const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join('electron', 'http', 'cli.ts');
const START_TIMEOUT_MS = 20_000;
const DEMO_TIMEOUT_MS = 120_000;
const READY_LINE = /Open this address in your browser: (\S+)/;

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
  const child = spawn(TSX, [CLI, 'serve', '--data-dir', dataDir, '--port', '0'], {
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

      if (setUp && !demo) await call('setup.complete', { ...setUp, demo: false });

      const running = child;
      await use({ url, openUrl, token, dataDir, call, stop: () => stopProcess(running), output: host.output });
    } finally {
      if (child) await stopProcess(child);
      await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    }
  },
});

export { expect };

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
