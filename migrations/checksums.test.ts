import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from './index';
import {
  actualChecksums,
  CHECKSUMS_FILE,
  compareChecksums,
  hasProblems,
  migrationFileNames,
  parseChecksums,
  problemsMessage,
} from '../scripts/migration-checksums.lib';

// Committed migrations are frozen: each file's SHA-256 (of its bytes as committed; .gitattributes
// keeps them at LF) must match its line in migrations/CHECKSUMS. See scripts/migration-checksums.lib.ts.
const DIR = path.dirname(fileURLToPath(import.meta.url));

describe('migrations/CHECKSUMS', () => {
  it('lists every migration file with the SHA-256 of its committed bytes, and nothing else', () => {
    const actual = actualChecksums(DIR);
    const problems = compareChecksums(parseChecksums(readFileSync(path.join(DIR, CHECKSUMS_FILE), 'utf8')), actual);
    if (hasProblems(problems)) expect.fail(problemsMessage(problems, actual));
    // The same files as the registry (index.ts), so no step escapes the check.
    expect([...actual.keys()]).toEqual(migrations.map(([name]) => `${name}.ts`));
  });

  it('is written as sha256sum writes it: one "<sha256>  <file>" line per file, sorted by name, LF', () => {
    const text = readFileSync(path.join(DIR, CHECKSUMS_FILE), 'utf8');
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(/^[0-9a-f]{64} {2}\d{8}_\d{4}_[a-z0-9_]+\.ts$/);
    const files = lines.map((l) => l.slice(66));
    expect(files).toEqual([...files].sort());
  });
});

describe('the check itself', () => {
  const temps: string[] = [];
  afterEach(() => {
    for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  /** A folder of migration files and the CHECKSUMS of its first state. */
  function folder(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-checksums-'));
    temps.push(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const list = [...actualChecksums(dir)].map(([f, hash]) => `${hash}  ${f}`).join('\n');
    writeFileSync(path.join(dir, CHECKSUMS_FILE), `${list}\n`);
    return dir;
  }
  const check = (dir: string) => {
    const actual = actualChecksums(dir);
    const problems = compareChecksums(parseChecksums(readFileSync(path.join(dir, CHECKSUMS_FILE), 'utf8')), actual);
    return { problems, message: problemsMessage(problems, actual) };
  };

  it('looks at the steps only, not the registry, the tests or the list', () => {
    const dir = folder({ '20270101_0900_a.ts': 'export async function up() {}\n', 'index.ts': '', 'x.test.ts': '' });
    expect(migrationFileNames(dir)).toEqual(['20270101_0900_a.ts']);
    expect(hasProblems(check(dir).problems)).toBe(false);
  });

  it('an edited migration fails and says to add a new one instead (a line ending counts as an edit)', () => {
    const dir = folder({ '20270101_0900_a.ts': 'export async function up() {}\n', '20270101_1000_b.ts': 'export async function up() {}\n' });
    writeFileSync(path.join(dir, '20270101_0900_a.ts'), 'export async function up() {}\r\n');
    const { problems, message } = check(dir);
    expect(problems).toEqual({ unlisted: [], changed: ['20270101_0900_a.ts'], gone: [] });
    expect(message).toContain('Committed migrations are frozen');
    expect(message).toContain('20270101_0900_a.ts was changed');
    expect(message).toContain('add a NEW migration');
  });

  it('a removed or renamed migration fails', () => {
    const dir = folder({ '20270101_0900_a.ts': 'export async function up() {}\n' });
    rmSync(path.join(dir, '20270101_0900_a.ts'));
    writeFileSync(path.join(dir, '20270101_0900_renamed.ts'), 'export async function up() {}\n');
    const { problems, message } = check(dir);
    expect(problems).toEqual({ unlisted: ['20270101_0900_renamed.ts'], changed: [], gone: ['20270101_0900_a.ts'] });
    expect(message).toContain('20270101_0900_a.ts is listed but no longer exists');
  });

  it('a new migration without its line fails and the message gives the command and the line', () => {
    const dir = folder({ '20270101_0900_a.ts': 'export async function up() {}\n' });
    writeFileSync(path.join(dir, '20270102_0900_new.ts'), 'export async function up() { /* new */ }\n');
    const { problems, message } = check(dir);
    expect(problems).toEqual({ unlisted: ['20270102_0900_new.ts'], changed: [], gone: [] });
    expect(message).toContain('A NEW migration adds its line');
    expect(message).toContain('npm run migrations:checksum');
    expect(message).toContain(`${actualChecksums(dir).get('20270102_0900_new.ts')}  20270102_0900_new.ts`);
  });

  it('refuses a malformed or duplicated line', () => {
    expect(() => parseChecksums('abc  20270101_0900_a.ts\n')).toThrow(/line 1/);
    const line = `${'0'.repeat(64)}  20270101_0900_a.ts`;
    expect(() => parseChecksums(`${line}\n${line}\n`)).toThrow(/twice/);
    expect(parseChecksums(`${line}\r\n`).get('20270101_0900_a.ts')).toBe('0'.repeat(64));
  });
});
