import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBand, livingSituation, suppressTable, type SuppressOptions, type Suppression } from './aggregates';

/** A table with its totals laid out as SuppressOptions says (last column: row totals; last row: column totals). */
function withTotals(cells: number[][], rowTotals: boolean, colTotals: boolean): number[][] {
  const rows = cells.map((r) => (rowTotals ? [...r, r.reduce((s, v) => s + v, 0)] : [...r]));
  if (colTotals) rows.push(rows[0]!.map((_, c) => rows.reduce((s, r) => s + r[c]!, 0)));
  return rows;
}

/** The additive lines of a table: each as its entries' positions, the total last. */
function lines(values: number[][], o: SuppressOptions): Array<Array<[number, number]>> {
  const rows = values.length;
  const cols = values[0]!.length;
  const out: Array<Array<[number, number]>> = [];
  if (o.rowTotals && cols >= 2) for (let r = 0; r < rows; r++) out.push(Array.from({ length: cols }, (_, c) => [r, c]));
  if (o.colTotals && rows >= 2) for (let c = 0; c < cols; c++) out.push(Array.from({ length: rows }, (_, r) => [r, c]));
  return out;
}

const shown = (values: number[][], marks: Suppression[][]) => values.map((row, r) => row.map((v, c) => (marks[r]![c] === null ? String(v) : '<')));

describe('suppressTable: hand-written cases (threshold 5)', () => {
  const t5 = (cells: number[][], rowTotals: boolean, colTotals: boolean) => {
    const values = withTotals(cells, rowTotals, colTotals);
    return shown(values, suppressTable(values, { threshold: 5, rowTotals, colTotals }));
  };

  it('shows 0 and counts of 5 and more, hides 1 to 4', () => {
    expect(t5([[0], [5], [4], [1], [12]], false, false)).toEqual([['0'], ['5'], ['<'], ['<'], ['12']]);
  });

  it('a column with one small count hides the next smallest too, never the total when a cell will do', () => {
    // 3, 7, 20 → total 30: 3 hidden, then 7 (the smallest visible) so that 3 is not 30 − 7 − 20.
    expect(t5([[3], [7], [20]], false, true)).toEqual([['<'], ['<'], ['20'], ['30']]);
  });

  it('two small counts in a column protect each other', () => {
    expect(t5([[3], [2], [20]], false, true)).toEqual([['<'], ['<'], ['20'], ['25']]);
  });

  it('a small total is hidden with its cell', () => {
    // 3, 0, 0 → total 3: both the cell and the total are below the threshold.
    expect(t5([[3], [0], [0]], false, true)).toEqual([['<'], ['0'], ['0'], ['<']]);
  });

  it('a cross table: the secondary hidden cell spreads to the column it sits in', () => {
    //          a   b   c | total
    // row 1:   2  10  20 |  32
    // row 2:   8   9  30 |  47
    // total:  10  19  50 |  79
    // 2 is hidden; in row 1 the smallest visible is 10 (b); column a then has one hidden (2): its
    // smallest visible is 8; column b has one (10): 9; row 2 now has 8 and 9 hidden: done.
    expect(t5([[2, 10, 20], [8, 9, 30]], true, true)).toEqual([
      ['<', '<', '20', '32'],
      ['<', '<', '30', '47'],
      ['10', '19', '50', '79'],
    ]);
  });

  it('overlapping rows without a total: only the small counts are hidden', () => {
    expect(t5([[3], [40], [41]], false, false)).toEqual([['<'], ['40'], ['41']]);
  });

  it('threshold 10 hides 1 to 9 and shows "<10"', () => {
    const values = withTotals([[9], [10], [30]], false, true);
    expect(shown(values, suppressTable(values, { threshold: 10, rowTotals: false, colTotals: true }))).toEqual([['<'], ['<'], ['30'], ['49']]);
  });
});

describe('suppressTable: properties', () => {
  const table = fc.record({
    cells: fc.integer({ min: 1, max: 5 }).chain((cols) =>
      fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 60 })), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 6 }),
    ),
    rowTotals: fc.boolean(),
    colTotals: fc.boolean(),
    threshold: fc.integer({ min: 2, max: 11 }),
  });

  it('no visible count is below the threshold other than 0', () => {
    fc.assert(
      fc.property(table, ({ cells, rowTotals, colTotals, threshold }) => {
        const values = withTotals(cells, rowTotals, colTotals);
        const marks = suppressTable(values, { threshold, rowTotals, colTotals });
        return values.every((row, r) => row.every((v, c) => marks[r]![c] !== null || v === 0 || v >= threshold));
      }),
      { numRuns: 2000 },
    );
  });

  it('no hidden count is its line’s total minus the visible counts (every line has none or at least two hidden)', () => {
    fc.assert(
      fc.property(table, ({ cells, rowTotals, colTotals, threshold }) => {
        const values = withTotals(cells, rowTotals, colTotals);
        const o = { threshold, rowTotals, colTotals };
        const marks = suppressTable(values, o);
        for (const line of lines(values, o)) {
          const hidden = line.filter(([r, c]) => marks[r]![c] !== null);
          if (hidden.length === 1) return false;
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });

  it('hides every count from 1 to threshold − 1 as primary and leaves the rest of the values as they are', () => {
    fc.assert(
      fc.property(table, ({ cells, rowTotals, colTotals, threshold }) => {
        const values = withTotals(cells, rowTotals, colTotals);
        const marks = suppressTable(values, { threshold, rowTotals, colTotals });
        return values.every((row, r) => row.every((v, c) => (v >= 1 && v < threshold) === (marks[r]![c] === 'primary')));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('age bands and living situation', () => {
  it('counts the age reached in the given year', () => {
    expect(ageBand(2009, 2026)).toBe('age0to17');
    expect(ageBand(2008, 2026)).toBe('age18to34');
    expect(ageBand(1992, 2026)).toBe('age18to34');
    expect(ageBand(1991, 2026)).toBe('age35to59');
    expect(ageBand(1967, 2026)).toBe('age35to59');
    expect(ageBand(1966, 2026)).toBe('age60to74');
    expect(ageBand(1952, 2026)).toBe('age60to74');
    expect(ageBand(1951, 2026)).toBe('age75plus');
    expect(ageBand(null, 2026)).toBe('ageUnknown');
  });
  it('lives alone by the flag, with others by a household of two or more', () => {
    expect(livingSituation(true, 3)).toBe('livesAlone');
    expect(livingSituation(false, 2)).toBe('withOthers');
    expect(livingSituation(false, 1)).toBe('notRecorded');
    expect(livingSituation(false, null)).toBe('notRecorded');
  });
});
