/**
 * Funder-safe aggregates (issue 14): counts of the people a centre reached in a period by kind of
 * contact, service kind, age band, settlement and living situation, and the unnamed head counts of
 * events by kind and band, with small counts suppressed so that no one can be singled out.
 *
 * What the tables hold and why:
 * - Residents have no sex field (migrations/schema.snapshot.sql: residents), so people reached are
 *   never counted by sex; the only place a centre records sex is the unnamed head count of an
 *   event (women, men, girls, boys), and that table is given as it is, apart from people reached.
 * - Age band from the birth year, as the age reached in the period's last year (year of `to`
 *   minus the birth year): 0–17, 18–34, 35–59, 60–74, 75 and over, not recorded. An erased
 *   resident keeps the decade of their birth year (privacy/erasure.ts), so their band is
 *   approximate.
 * - Living situation from the resident's record: lives alone (the flag), lives with others (a
 *   household of two or more recorded), not recorded.
 * - No names, addresses, dates of birth or ids: only counts and the names of kinds, bands and
 *   settlements (a village or a town).
 *
 * Suppression (`suppressTable`): every count from 1 to threshold − 1 is hidden and shown as
 * "<threshold" (primary). A line (a row or column whose last entry is the total of the others)
 * with only one hidden entry would give it away as the total minus the visible entries, so the
 * smallest other visible entry of that line is hidden too (secondary), repeated until every line
 * has none or at least two hidden entries. Zero is shown: a 0 is no person to single out.
 */
import { z } from 'zod';
import { isoDateSchema } from './dates';
import { money, out, pub } from '../api/fields';
import { resultsReportSchema } from './reports';
import { LANGUAGES } from './settings';

export const DEFAULT_THRESHOLD = 5;
export const MIN_THRESHOLD = 2;
export const MAX_THRESHOLD = 100;
/** The settings key the centre's threshold is stored under (settings table, like the other settings). */
export const THRESHOLD_KEY = 'aggregatesThreshold';

export const thresholdSchema = z.number('validation.number').int('validation.number').min(MIN_THRESHOLD, 'validation.range').max(MAX_THRESHOLD, 'validation.range');

/** Kinds of contact that make a resident "reached" in a period (each defined in aggregates.service.ts). */
export const CONTACT_KINDS = ['request', 'service', 'event', 'aid', 'assessment', 'caseContact', 'project', 'shelter'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const AGE_BANDS = ['age0to17', 'age18to34', 'age35to59', 'age60to74', 'age75plus', 'ageUnknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const LIVING_SITUATIONS = ['livesAlone', 'withOthers', 'notRecorded'] as const;
export type LivingSituation = (typeof LIVING_SITUATIONS)[number];

/** The bands of an event's unnamed head count (events feature). */
export const HEAD_COUNT_BANDS = ['women', 'men', 'girls', 'boys'] as const;

export function ageBand(birthYear: number | null, year: number): AgeBand {
  if (birthYear === null) return 'ageUnknown';
  const age = year - birthYear;
  if (age < 0) return 'ageUnknown';
  if (age <= 17) return 'age0to17';
  if (age <= 34) return 'age18to34';
  if (age <= 59) return 'age35to59';
  if (age <= 74) return 'age60to74';
  return 'age75plus';
}

export function livingSituation(livesAlone: boolean, householdSize: number | null): LivingSituation {
  if (livesAlone) return 'livesAlone';
  if (householdSize !== null && householdSize >= 2) return 'withOthers';
  return 'notRecorded';
}

// ---------------------------------------------------------------------------------------------
// Suppression

export interface SuppressOptions {
  threshold: number;
  /** The last column holds each row's total (every row is a line). */
  rowTotals: boolean;
  /** The last row holds each column's total (every column is a line). */
  colTotals: boolean;
}

export type Suppression = 'primary' | 'secondary' | null;

/** Which entries of `values` (cells and their totals, as laid out in SuppressOptions) to hide. */
export function suppressTable(values: readonly (readonly number[])[], opts: SuppressOptions): Suppression[][] {
  const { threshold } = opts;
  const marks: Suppression[][] = values.map((row) => row.map((v) => (v >= 1 && v < threshold ? 'primary' : null)));
  const rows = values.length;
  const cols = rows === 0 ? 0 : values[0]!.length;
  const lines: Array<Array<[number, number]>> = [];
  if (opts.rowTotals && cols >= 2) for (let r = 0; r < rows; r++) lines.push(Array.from({ length: cols }, (_, c) => [r, c] as [number, number]));
  if (opts.colTotals && rows >= 2) for (let c = 0; c < cols; c++) lines.push(Array.from({ length: rows }, (_, r) => [r, c] as [number, number]));
  const isTotal = ([r, c]: [number, number]) => (opts.rowTotals && c === cols - 1) || (opts.colTotals && r === rows - 1);
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter(([r, c]) => marks[r]![c] !== null).length;
      if (hidden !== 1) continue;
      // The smallest visible non-zero entry (a cell before a total); a zero only if nothing else is left.
      const visible = line.filter(([r, c]) => marks[r]![c] === null);
      const rank = (p: [number, number]) => {
        const v = values[p[0]]![p[1]]!;
        return [v === 0 ? 1 : 0, v, isTotal(p) ? 1 : 0] as const;
      };
      visible.sort((a, b) => {
        const x = rank(a);
        const y = rank(b);
        return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
      });
      const pick = visible[0];
      if (pick) {
        marks[pick[0]]![pick[1]] = 'secondary';
        changed = true;
      }
    }
  }
  return marks;
}

/** A cell as a funder receives it: the count, or null and "<5" when hidden. */
export function showCell(value: number, mark: Suppression, threshold: number): AggregateCell {
  return mark === null ? { value, shown: String(value), suppressed: false } : { value: null, shown: `<${threshold}`, suppressed: true };
}

// ---------------------------------------------------------------------------------------------
// Outputs (no personal data: every field is public; amounts of the grant report are money)

const num = z.number();
const str = z.string();

export const aggregateCellSchema = out({
  /** The count, or null when suppressed. */
  value: pub(num.nullable()),
  /** What the table shows: the count, or "<5" (the threshold) when suppressed. */
  shown: pub(str),
  suppressed: pub(z.boolean()),
});
export type AggregateCell = z.output<typeof aggregateCellSchema>;

export const AGGREGATE_TABLES = ['byContact', 'byServiceKind', 'byAge', 'bySettlement', 'byLivingSituation', 'headCounts'] as const;
export type AggregateTableId = (typeof AGGREGATE_TABLES)[number];

export const aggregateTableSchema = out({
  id: pub(z.enum(AGGREGATE_TABLES)),
  /**
   * Row labels: a code to translate (aggregates.json: contact.*, age.*, living.*, eventKinds in
   * events.json, 'total', 'notRecorded'), or a name as recorded (a settlement, a service kind the
   * centre named) when `rowsAreNames`.
   */
  rows: pub(z.array(str)),
  rowsAreNames: pub(z.array(z.boolean())),
  /** Column codes: 'people', or the head count bands and 'total'. */
  columns: pub(z.array(str)),
  /** The last row is the total of the rows above it (and the last column the row's total, when `rowTotals`). */
  colTotals: pub(z.boolean()),
  rowTotals: pub(z.boolean()),
  cells: pub(z.array(z.array(aggregateCellSchema))),
});
export type AggregateTable = z.output<typeof aggregateTableSchema>;

export const aggregatesInputSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema, threshold: thresholdSchema.optional() })
  .refine((v) => v.from <= v.to, { message: 'validation.dateOrder', path: ['to'] });

export const aggregatesReportSchema = out({
  from: pub(str),
  to: pub(str),
  threshold: pub(num),
  /** The year ages are reached in (the year of `to`). */
  ageYear: pub(num),
  /** Distinct residents with any contact in the period (each counted once), suppressed like every count. */
  peopleReached: pub(aggregateCellSchema),
  tables: pub(z.array(aggregateTableSchema)),
});
export type AggregatesReport = z.output<typeof aggregatesReportSchema>;

export const thresholdOutputSchema = out({ threshold: pub(num), isDefault: pub(z.boolean()) });

// The grant report: plan vs actual per budget line, the participants of its projects.

export const PARTICIPANT_STATUSES = ['active', 'completed', 'droppedOut'] as const;

const participantCountsShape = {
  recruited: pub(num),
  active: pub(num),
  completed: pub(num),
  droppedOut: pub(num),
};

/** The results report's figures without its money (the grant report's own lines say that). */
export const grantActivitySchema = resultsReportSchema.omit({ money: true });
export type GrantActivity = z.output<typeof grantActivitySchema>;

export const grantReportInputSchema = z.object({
  grantId: z.number().int().positive(),
  /** The language of the activity figures' definitions; default: the acting user's, else the centre's. */
  language: z.enum(LANGUAGES).optional(),
});

export const grantReportSchema = out({
  grantId: pub(num),
  title: pub(str),
  funder: money(str),
  startsOn: pub(str),
  endsOn: pub(str),
  currency: pub(str),
  amountMinor: money(num),
  lines: pub(
    z.array(
      out({
        id: pub(num),
        name: pub(str),
        plannedMinor: money(num),
        actualMinor: money(num),
        differenceMinor: money(num),
        percentSpent: money(num),
      }),
    ),
  ),
  /** Expenses on the grant with no budget line. */
  unassignedMinor: money(num),
  plannedMinor: money(num),
  actualMinor: money(num),
  projects: pub(z.array(out({ id: pub(num), name: pub(str), ...participantCountsShape }))),
  participants: pub(out(participantCountsShape)),
  /**
   * The activity of the grant's period (its first to its last day): every figure of the results
   * report (electron/core/features/reports/figures.ts, the same definitions) except money, which
   * the plan vs actual above already gives.
   */
  activity: pub(grantActivitySchema),
});
export type GrantReport = z.output<typeof grantReportSchema>;
