/**
 * The bench's city: a folder given with --data-dir, or the generator's city kept in
 * node_modules/.cache/hearth-bench/city-v<version>-seed<seed>/ (made once, with its progress line;
 * a new generator version makes a new folder). The bench never writes to either: it works on a
 * copy in the system's temporary folder.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CITY_GENERATOR_VERSION, generateCity } from '../../electron/core/demo/city/city';
import { progressLine } from '../../electron/core/demo/city/progress';
import { DATABASE_FILE } from '../../electron/core/start';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE_ROOT = path.join(ROOT, 'node_modules', '.cache', 'hearth-bench');

export function cacheDir(seed: number): string {
  return path.join(CACHE_ROOT, `city-v${CITY_GENERATOR_VERSION}-seed${seed}`);
}

/** The folder holding the city's database: the one given, else the cache (generated when missing). */
export async function cityFolder(given: string | undefined, seed: number, log: (line: string) => void): Promise<string> {
  if (given !== undefined) {
    const dir = path.resolve(given);
    if (!existsSync(path.join(dir, DATABASE_FILE))) throw new Error(`no ${DATABASE_FILE} in ${dir}`);
    return dir;
  }
  const dir = cacheDir(seed);
  if (existsSync(path.join(dir, DATABASE_FILE))) return dir;
  log(`No city in ${dir} yet: generating it once (seed ${seed}, generator v${CITY_GENERATOR_VERSION}).`);
  mkdirSync(CACHE_ROOT, { recursive: true });
  // Made beside its place and renamed into it, so that an interrupted run never leaves half a city.
  const making = mkdtempSync(path.join(CACHE_ROOT, '.making-'));
  const line = progressLine();
  try {
    const made = await generateCity({ dataDir: making, seed, progress: line.update });
    line.done();
    log(`generated in ${made.seconds.toFixed(0)} s (${made.cpuSeconds.toFixed(0)} s of CPU): ${(made.bytes / 1024 ** 2).toFixed(0)} MB, ${made.calls.toLocaleString('en')} calls`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(making, dir);
  } catch (e) {
    line.done();
    rmSync(making, { recursive: true, force: true });
    throw e;
  }
  return dir;
}

/** A working copy of the city's database in a new temporary folder (its WAL is empty: the generator checkpoints). */
export function workingCopy(source: string): { dir: string; ms: number } {
  const start = performance.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-'));
  copyFileSync(path.join(source, DATABASE_FILE), path.join(dir, DATABASE_FILE));
  for (const suffix of ['-wal', '-shm']) {
    const side = path.join(source, DATABASE_FILE + suffix);
    if (existsSync(side)) copyFileSync(side, path.join(dir, DATABASE_FILE + suffix));
  }
  return { dir, ms: performance.now() - start };
}
