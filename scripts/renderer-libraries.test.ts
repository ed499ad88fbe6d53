/**
 * Issue 16, "dates as people write them" and "forms on the libraries we ship", as guards on the
 * renderer's source: no native date, month or time input (renderer/ui/DateInput.tsx is the one
 * control, in the user's locale), and the zod resolver reached only through renderer/ui/useCallForm.
 * A file still waiting for its conversion is named below with who converts it; the list may only shrink.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = execFileSync('git', ['ls-files', 'renderer'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('renderer/e2e/') && !/\.test\.tsx?$/.test(f));
const text = (f: string) => readFileSync(path.join(root, f), 'utf8');

describe('the renderer uses the shipped controls', () => {
  it('no native <input type="date|month|time"> (DateInput, MonthInput, TimeInput instead)', () => {
    const found = sources.filter((f) => /type=["'{]\s*['"]?(date|month|time|datetime-local)['"]/.test(text(f)));
    expect(found).toEqual([]);
  });

  it('the zod resolver is used only by useCallForm (forms validate with the contract\'s schemas through it)', () => {
    expect(sources.filter((f) => text(f).includes('@hookform/resolvers'))).toEqual(['renderer/ui/useCallForm.tsx']);
  });
});
