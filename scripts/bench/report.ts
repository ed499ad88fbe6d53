/** The bench's figures: percentiles, the table, the OVER BUDGET lines and the JSON of the last line. */

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function stats(samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? Number.NaN };
}

export interface Metric {
  name: string;
  unit: 'ms';
  p50: number;
  p95: number;
  raw_p50?: number;
  budget_p95?: number;
}

export interface Row {
  name: string;
  example: string;
  s: Stats;
  raw: Stats | null;
  budget: number | undefined;
  note?: string;
}

const round = (x: number) => Number(x.toFixed(3));
const fixed = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

export class Report {
  readonly rows: Row[] = [];
  readonly notes: string[] = [];

  add(row: Row): void {
    this.rows.push(row);
  }

  metrics(): Metric[] {
    return this.rows.map((r) => ({
      name: r.name,
      unit: 'ms',
      p50: round(r.s.p50),
      p95: round(r.s.p95),
      ...(r.raw !== null ? { raw_p50: round(r.raw.p50) } : {}),
      ...(r.budget !== undefined ? { budget_p95: r.budget } : {}),
    }));
  }

  overBudget(): string[] {
    return this.rows.filter((r) => r.budget !== undefined && r.s.p95 > r.budget).map((r) => `OVER BUDGET: ${r.name} p95 ${fixed(r.s.p95)} ms > ${r.budget} ms${r.note ? ` (${r.note})` : ''}`);
  }

  print(log: (line: string) => void): void {
    const header = ['metric', 'input', 'runs', 'p50 ms', 'p95 ms', 'max ms', 'raw p50', 'raw p95', 'ratio', 'budget'];
    const cells = this.rows.map((r) => [
      r.name,
      r.example.length > 40 ? `${r.example.slice(0, 39)}…` : r.example,
      String(r.s.n),
      fixed(r.s.p50),
      fixed(r.s.p95),
      fixed(r.s.max),
      r.raw ? fixed(r.raw.p50) : '',
      r.raw ? fixed(r.raw.p95) : '',
      r.raw && r.raw.p50 > 0 ? (r.s.p50 / r.raw.p50).toFixed(1) : '',
      r.budget !== undefined ? `${r.budget}${r.s.p95 > r.budget ? ' OVER' : ''}` : '',
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
    const line = (c: readonly string[]) => c.map((x, i) => (i <= 1 ? x.padEnd(widths[i] ?? 0) : x.padStart(widths[i] ?? 0))).join('  ');
    log('');
    log(line(header));
    log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const c of cells) log(line(c));
    log('');
  }
}
