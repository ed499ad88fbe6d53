/**
 * The import of every kind of list other than residents, by kind (issue 15): the same calls
 * (import.preview / dryRun / run with `kind`), the same rules as residents — a row imported before
 * (its fingerprint) or repeated in the file creates nothing, each kind's duplicate or reference
 * check, all rows in one transaction or none, a report with the rejected rows, an audit entry.
 * Each kind's own rules are in its module (import.volunteers.ts, import.requests.ts,
 * import.cashbook.ts, import.stock.ts).
 */
import { AppError } from '../../../../shared/api/errors';
import { MAX_RESULT_ROWS, type ImportKind, type ImportResult } from '../../../../shared/domain/imports';
import type { Actor } from '../../context';
import type { Executor } from '../../db/schema';
import { appendAudit } from '../audit/audit.service';
import type { KindImporter, KindRow, PrepareContext } from './import.rows';
import type { TableRow } from './read/table';
import type { ImportMapping } from '../../../../shared/domain/imports';
import { volunteersImport } from './import.volunteers';
import { cashbookImport } from './import.cashbook';
import { stockImport } from './import.stock';
import { requestsImport } from './import.requests';

export type OtherKind = Exclude<ImportKind, 'residents'>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const IMPORTERS: Record<OtherKind, KindImporter<any, any>> = {
  volunteers: volunteersImport,
  requests: requestsImport,
  cashbook: cashbookImport,
  stock: stockImport,
};

/** What the audit entry names as changed, per kind. */
const CHANGED: Record<OtherKind, string> = { volunteers: 'volunteers', requests: 'requests', cashbook: 'cash_entries', stock: 'aid_movements' };

/** One row of a list of another kind, prepared on the long-work thread. */
export function prepareKindRow(kind: OtherKind, header: string[], r: TableRow, mapping: ImportMapping, ctx: PrepareContext): KindRow {
  return IMPORTERS[kind].prepare(header, r, mapping, ctx);
}

type Outcome = ImportResult['rows'][number];
interface Classified {
  row: KindRow;
  outcome: Outcome;
  value: unknown;
}

async function knownFingerprints(ex: Executor, rows: KindRow[]): Promise<Set<string>> {
  const known = new Set<string>();
  const all = rows.map((r) => r.fingerprint);
  for (let i = 0; i < all.length; i += 500) {
    const found = await ex.selectFrom('import_fingerprints').select('fingerprint').where('fingerprint', 'in', all.slice(i, i + 500)).execute();
    for (const f of found) known.add(f.fingerprint);
  }
  return known;
}

/** Progress in rows of the file: `done` of `total` (read, compared, written: see residents-run.ts). */
export type KindProgress = (done: number, total: number) => void;

/** Rows compared so far (of the file's rows). */
type OnCompared = (done: number) => void;

async function classify(ex: Executor, kind: OtherKind, rows: KindRow[], today: string, onCompared: OnCompared = () => {}): Promise<Classified[]> {
  const known = await knownFingerprints(ex, rows);
  const seen = new Map<string, number>();
  const out: Classified[] = [];
  const asked: Classified[] = [];
  for (const r of rows) {
    const o: Outcome = { row: r.row, outcome: 'create', reason: null, column: null, text: null, name: r.name, matchId: null, matchRow: null, matchName: null };
    const c: Classified = { row: r, outcome: o, value: null };
    out.push(c);
    if (r.data === null) Object.assign(o, { outcome: 'rejected', reason: r.reason, column: r.column, text: r.text });
    else if (known.has(r.fingerprint)) Object.assign(o, { outcome: 'duplicate', reason: 'validation.importAlreadyImported' });
    else if (seen.has(r.fingerprint)) Object.assign(o, { outcome: 'duplicate', reason: 'validation.importSameInFile', matchRow: seen.get(r.fingerprint) });
    else {
      seen.set(r.fingerprint, r.row);
      asked.push(c);
    }
  }
  // The rows settled without the register's answer (rejected, imported before, repeated) are compared.
  onCompared(rows.length - asked.length);
  const answers = await IMPORTERS[kind].resolve(
    ex,
    asked.map((c) => c.row),
    today,
  );
  asked.forEach((c, i) => {
    const a = answers[i];
    if (!a) throw new Error('An import resolution is missing');
    if (a.outcome === 'create') {
      c.value = a.value;
      c.outcome.reason = a.note ?? c.row.reason;
    } else if (a.outcome === 'duplicate') Object.assign(c.outcome, { outcome: 'duplicate', reason: a.reason, matchId: a.matchId ?? null, matchRow: a.matchRow ?? null });
    else Object.assign(c.outcome, { outcome: 'rejected', reason: a.reason, column: a.column });
  });
  onCompared(rows.length);
  return out;
}

function summary(classified: Classified[], reportId: number | null): ImportResult {
  const count = (o: Outcome['outcome']) => classified.filter((c) => c.outcome.outcome === o).length;
  return {
    reportId,
    rowCount: classified.length,
    created: count('create'),
    updated: count('update'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
    households: 0,
    rows: classified.slice(0, MAX_RESULT_ROWS).map((c) => c.outcome),
  };
}

/** What each row would do; progress rows compared after the rows read: n + compared of 2 × n. */
export async function dryRunKind(ex: Executor, kind: OtherKind, rows: KindRow[], today: string, onProgress: KindProgress = () => {}): Promise<ImportResult> {
  const n = rows.length;
  const result = summary(await classify(ex, kind, rows, today, (d) => onProgress(n + d, 2 * n)), null);
  onProgress(2 * n, 2 * n);
  return result;
}

export interface KindRunSource {
  fileName: string;
  encoding: string | null;
  separator: string | null;
  header: string[];
}

/**
 * Classifies and writes in the caller's transaction: the report, the records, their fingerprints,
 * the audit entry. Progress after the rows read: n + compared, then 2 × n + written, of 3 × n.
 */
export async function runKind(trx: Executor, kind: OtherKind, rows: KindRow[], source: KindRunSource, actor: Actor, at: string, today: string, onProgress: KindProgress = () => {}): Promise<ImportResult> {
  const n = rows.length;
  const classified = await classify(trx, kind, rows, today, (d) => onProgress(n + d, 3 * n));
  const result = summary(classified, null);
  const rejected = classified.filter((c) => c.outcome.outcome === 'rejected');
  const report = await trx
    .insertInto('import_reports')
    .values({
      kind,
      file_name: source.fileName,
      encoding: source.encoding,
      separator: source.separator,
      row_count: classified.length,
      created: result.created,
      updated: 0,
      duplicates: result.duplicates,
      rejected: result.rejected,
      rejected_rows: JSON.stringify({
        header: source.header,
        rows: rejected.map((c) => ({ row: c.outcome.row, reason: c.outcome.reason, column: c.outcome.column, text: c.outcome.text, cells: c.row.cells })),
      }),
      at,
      by: actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const toCreate = classified.filter((c) => c.outcome.outcome === 'create');
  // A row that creates nothing (rejected, a duplicate) is written once its report line is.
  const settled = n - toCreate.length;
  onProgress(2 * n + settled, 3 * n);
  const ids = await IMPORTERS[kind].write(
    trx,
    toCreate.map((c) => c.value),
    actor,
    at,
    // The last row written is announced with the fingerprints and the audit entry (below).
    (d) => onProgress(Math.min(3 * n - 1, 2 * n + settled + d), 3 * n),
  );
  if (ids.length !== toCreate.length) throw new AppError('internal', 'An import wrote a different number of records');
  for (let i = 0; i < toCreate.length; i += 300) {
    const chunk = toCreate.slice(i, i + 300);
    await trx
      .insertInto('import_fingerprints')
      .values(chunk.map((c, j) => ({ fingerprint: c.row.fingerprint, report_id: report.id, entity_id: ids[i + j] ?? null })))
      .execute();
  }
  toCreate.forEach((c, i) => (c.outcome.matchId = ids[i] ?? null));
  await appendAudit(trx, {
    at,
    userId: actor.id,
    role: actor.role,
    action: 'change',
    call: 'import.run',
    entityType: 'import_reports',
    entityId: report.id,
    fields: [{ field: CHANGED[kind], changed: true }],
  });
  onProgress(3 * n, 3 * n);
  return { ...summary(classified, report.id) };
}
