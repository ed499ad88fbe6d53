/**
 * The command line as an admin's script uses it: demo → backup --to → verify → restore, with the
 * exit codes a script can rely on.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'hearth-cli-'));
const dataDir = path.join(tmp, 'data');
const stick = path.join(tmp, 'usb');

function hearth(...args: string[]) {
  const r = spawnSync(TSX, [path.join(ROOT, 'electron/http/cli.ts'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, HEARTH_BACKUP_PASSPHRASE: 'Сылва-2026-пароль' },
    timeout: 60_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run hearth -- backup / verify / restore', () => {
  it('backs up to a folder, verifies, detects tampering and restores', () => {
    expect(hearth('demo', '--data-dir', dataDir).code).toBe(0);

    const made = hearth('backup', '--to', stick, '--data-dir', dataDir);
    expect(made.code, made.out).toBe(0);
    const file = path.join(stick, readdirSync(stick).find((n) => n.endsWith('.hearthbak')) ?? '');
    expect(made.out).toContain('verified');

    const verified = hearth('verify', file);
    expect(verified.code, verified.out).toBe(0);
    expect(JSON.parse(verified.out).ok).toBe(true);

    const encrypted = hearth('backup', '--to', path.join(tmp, 'usb2'), '--encrypt', '--data-dir', dataDir);
    expect(encrypted.code, encrypted.out).toBe(0);
    const encFile = path.join(tmp, 'usb2', readdirSync(path.join(tmp, 'usb2')).find((n) => n.endsWith('.hearthbak')) ?? '');
    expect(hearth('verify', encFile).code).toBe(1); // no passphrase given
    expect(hearth('verify', encFile, '--passphrase-env').code).toBe(0);

    const bytes = readFileSync(file);
    const tampered = path.join(tmp, 'tampered.hearthbak');
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
    writeFileSync(tampered, bytes);
    const bad = hearth('verify', tampered);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).problem).toBe('damaged');

    const notBackup = path.join(tmp, 'notes.txt');
    writeFileSync(notBackup, 'просто текст');
    expect(hearth('verify', notBackup).code).toBe(1);

    const restored = hearth('restore', file, '--data-dir', dataDir);
    expect(restored.code, restored.out).toBe(0);
    expect(hearth('restore', tampered, '--data-dir', dataDir).code).toBe(1);
    const info = hearth('info', '--data-dir', dataDir);
    expect(JSON.parse(info.out.slice(info.out.indexOf('{'))).counts.residents).toBe(100);
  }, 120_000);
});
