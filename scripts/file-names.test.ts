/**
 * Windows and macOS file systems do not tell `ResidentForm.tsx` from `residentForm.ts` when an
 * import names `./residentForm` without its extension: the module found depends on the machine.
 * No two tracked files may share a path that differs only in letter case or extension.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('file names', () => {
  it('no two source files differ only in letter case or extension', () => {
    const files = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const f of files) {
      if (!/\.(ts|tsx|js|mjs|cjs|json|css)$/.test(f)) continue;
      const key = f.replace(/\.[^./]+$/, '').toLowerCase();
      const other = seen.get(key);
      if (other !== undefined && !/\.css$/.test(f) !== !/\.css$/.test(other)) continue; // a screen and its own stylesheet
      if (other !== undefined) clashes.push(`${other} ~ ${f}`);
      else seen.set(key, f);
    }
    expect(clashes).toEqual([]);
  });
});
