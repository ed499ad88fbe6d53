/**
 * `hearth serve` and the local-network opt-in, end to end: 127.0.0.1 only by default; the admin's
 * setting (hosting.setAllowLan) takes effect at the next start, as does `--lan`; in LAN mode the
 * server listens on every interface, prints a warning, and the launch token no longer acts as a
 * user (even with --script-admin).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const built = existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-lan-'));
const running: ChildProcess[] = [];

interface Served {
  child: ChildProcess;
  url: URL;
  output: () => string;
}

function serve(dataDir: string, ...flags: string[]): Promise<Served> {
  const child = spawn(TSX, [path.join(ROOT, 'electron/http/cli.ts'), 'serve', '--data-dir', dataDir, '--port', '0', ...flags], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', HEARTH_LANGUAGE: 'en' },
  });
  running.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${out}`)), 30_000);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      const m = /Open this address in your browser: (\S+)/.exec(out);
      // The start is complete (warning lines included) once its last line has arrived.
      if (m?.[1] && out.includes('Press Ctrl+C to stop Hearth.')) {
        clearTimeout(timer);
        resolve({ child, url: new URL(m[1]), output: () => out });
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}):\n${out}`)));
  });
}

async function stop(s: Served): Promise<void> {
  if (s.child.exitCode !== null || s.child.pid === undefined) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  process.kill(-s.child.pid, 'SIGTERM');
  await exited;
}

function reachable(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: address, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function call(s: Served, name: string, input: unknown): Promise<{ ok: boolean; error?: { code: string } }> {
  const token = s.url.searchParams.get('token') ?? '';
  const res = await fetch(`${s.url.origin}/api/call/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: boolean; error?: { code: string } };
}

afterAll(() => {
  for (const c of running) {
    if (c.exitCode === null && c.pid !== undefined) {
      try {
        process.kill(-c.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
  rmSync(tmp, { recursive: true, force: true });
});

describe.skipIf(!built)('serve and the local network (skipped: renderer not built; run npm run build:renderer)', () => {
  it('is local only until the admin allows the network; the choice applies at the next start', async () => {
    const dataDir = path.join(tmp, 'setting');
    const first = await serve(dataDir, '--script-admin');
    const port = Number(first.url.port);
    expect(first.url.hostname).toBe('127.0.0.1');
    expect(first.output()).not.toContain('WARNING');
    expect(await reachable('127.0.0.2', port)).toBe(false);
    expect((await call(first, 'hosting.setAllowLan', { allowLan: true })).ok).toBe(true);
    // Still local until the next start.
    expect(await reachable('127.0.0.2', port)).toBe(false);
    await stop(first);

    const second = await serve(dataDir, '--script-admin');
    expect(second.output()).toContain('WARNING: other computers of the local network can open Hearth');
    expect(await reachable('127.0.0.2', Number(second.url.port))).toBe(true);
    // --script-admin is ignored in LAN mode: the token alone is not a user.
    expect(await call(second, 'hosting.get', {})).toMatchObject({ ok: false, error: { code: 'unauthorised' } });
    await stop(second);
  }, 90_000);

  it('--lan allows the network for one start', async () => {
    const s = await serve(path.join(tmp, 'flag'), '--lan');
    expect(s.output()).toContain('WARNING: other computers of the local network can open Hearth');
    expect(await reachable('127.0.0.2', Number(s.url.port))).toBe(true);
    await stop(s);
  }, 60_000);
});
