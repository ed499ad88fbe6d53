/**
 * Backups are made only with SQLite (VACUUM INTO / the online backup API), never by copying the
 * live database file: a copy taken while Hearth writes can miss the -wal file and hold nothing.
 * This test reads every source file of the Electron zones and forbids any file-copy or file-read
 * call whose source is the live database path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const COPY_CALL = /\b(copyFile|copyFileSync|cp|cpSync|createReadStream|readFile|readFileSync|open|openSync)\s*\(\s*([^,)]+)/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return full.endsWith('.ts') && !full.endsWith('.test.ts') ? [full] : [];
  });
}

/** Names bound to the live database path in a file: `const x = path.join(…, DATABASE_FILE)`. */
function liveNames(text: string): string[] {
  const names = [...text.matchAll(/(?:const|let)\s+(\w+)\s*=\s*[^;\n]*(DATABASE_FILE|'hearth\.sqlite')/g)].map((m) => m[1] as string);
  return names;
}

describe('backups never copy the live database file', () => {
  const files = sources(ROOT);

  it('scans the sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('no copy or read of the live file anywhere in electron/', () => {
    const offences: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const live = liveNames(text);
      for (const m of text.matchAll(COPY_CALL)) {
        const fn = m[1] as string;
        const arg = (m[2] as string).trim();
        const mentionsLive = /DATABASE_FILE|hearth\.sqlite/.test(arg) || live.some((n) => new RegExp(`^${n}\\b`).test(arg));
        // Renaming *onto* the live path (restore) is allowed: only the source argument is checked.
        if (mentionsLive) offences.push(`${path.relative(ROOT, file)}: ${fn}(${arg}, …)`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('would catch the naive copy', () => {
    const text = "const file = path.join(dataDir, DATABASE_FILE);\ncopyFileSync(file, target);";
    const live = liveNames(text);
    const m = [...text.matchAll(COPY_CALL)][0];
    expect(live).toEqual(['file']);
    expect(m?.[2]?.trim()).toBe('file');
  });
});
