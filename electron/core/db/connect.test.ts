import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, WAL_SIZE_LIMIT } from './connect';

const dir = mkdtempSync(path.join(tmpdir(), 'hearth-connect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL, foreign keys, secure delete and a limit on the WAL file', async () => {
    const { db, sqlite } = openDatabase(path.join(dir, 'pragmas.sqlite'));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    expect(sqlite.pragma('journal_size_limit', { simple: true })).toBe(WAL_SIZE_LIMIT);
    await db.destroy();
  });

  it('the WAL file shrinks back to the limit once a checkpoint let it start over (without a limit it keeps its size)', async () => {
    const walAfterBurst = async (name: string, limit: number) => {
      const file = path.join(dir, name);
      const { db, sqlite } = openDatabase(file);
      sqlite.pragma(`journal_size_limit = ${limit}`);
      sqlite.exec('create table t (x text)');
      const insert = sqlite.prepare('insert into t values (?)');
      sqlite.transaction(() => {
        for (let i = 0; i < 2000; i++) insert.run('ε'.repeat(1000));
      })();
      const burst = statSync(`${file}-wal`).size;
      sqlite.pragma('wal_checkpoint(PASSIVE)');
      insert.run('the next write starts the WAL over');
      const after = statSync(`${file}-wal`).size;
      await db.destroy();
      return { burst, after };
    };
    const limited = await walAfterBurst('limited.sqlite', 262144);
    expect(limited.burst).toBeGreaterThan(2_000_000);
    expect(limited.after).toBeLessThanOrEqual(262144);
    const unlimited = await walAfterBurst('unlimited.sqlite', -1);
    expect(unlimited.after).toBe(unlimited.burst);
  });
});
