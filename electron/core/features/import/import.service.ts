/**
 * Import of residents (with households) from a centre's list: preview, dry run and run (issue 15).
 * The file is read and its rows prepared on the long-work thread (prepare.ts, job `import`); here
 * the prepared rows are compared with the register (fingerprints of rows imported before, the same
 * person earlier in the file, the duplicate check) and, for a run, written in one transaction with
 * the report and the audit entry: all rows or none.
 */
import { AppError } from '../../../../shared/api/errors';
import {
  guessMapping,
  MAX_RESULT_ROWS,
  type ImportKind,
  type ImportMapping,
  type ImportPreview,
  type ImportResult,
} from '../../../../shared/domain/imports';
import { nameKey } from '../../../../shared/domain/text';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { appendAudit } from '../audit/audit.service';
import { updateResident } from '../residents/residents.repo';
import { csvText, encodeText } from './fixtures';
import { findSameMany, type SamePerson } from './duplicates';
import { bulkWriter } from './bulk';
import { MAX_MEMBERS } from '../../../../shared/domain/households';
import type { ImportJobParams, ImportJobResult, PreparedRow } from './prepare';
import { dryRunKind, runKind } from './import.kinds';
import { isFieldOf } from '../../../../shared/domain/imports';

export interface ImportFile {
  fileName: string;
  base64: string;
  encoding?: ImportJobParams['encoding'];
  separator?: ImportJobParams['separator'];
}

type Outcome = ImportResult['rows'][number];

/** A file that cannot be imported: a validation error on the field `file` with the reason's key. */
function fileProblem(problem: string, detail: string | null): AppError {
  return new AppError('validation', `The file cannot be imported: ${problem}`, {
    fields: [{ path: 'file', message: `validation.${problem}` }],
    ...(detail !== null ? { details: { detail } } : {}),
  });
}

async function readFile(deps: CoreDeps, file: ImportFile, mapping?: ImportMapping, kind: ImportKind = 'residents'): Promise<ImportJobResult> {
  if (mapping) {
    // Each column is mapped to a field of this kind of list (the wizard offers only those).
    const wrong = Object.entries(mapping.columns).find(([, field]) => !isFieldOf(kind, field));
    if (wrong) throw new AppError('validation', `Column ${wrong[0]} is mapped to ${wrong[1]}, not a field of ${kind}`, { fields: [{ path: 'mapping.columns', message: 'validation.importFieldOfOtherKind' }] });
  }
  const answer = await deps.work.run('import', {
    kind,
    today: deps.clock.today(),
    base64: file.base64,
    encoding: file.encoding,
    separator: file.separator,
    mapping,
    thisYear: Number(deps.clock.today().slice(0, 4)),
  });
  if (!answer.ok) throw fileProblem(answer.problem, answer.detail);
  return answer.value;
}

async function knownFingerprints(ex: Executor, rows: PreparedRow[]): Promise<Set<string>> {
  const known = new Set<string>();
  const all = rows.map((r) => r.fingerprint);
  for (let i = 0; i < all.length; i += 500) {
    const found = await ex.selectFrom('import_fingerprints').select('fingerprint').where('fingerprint', 'in', all.slice(i, i + 500)).execute();
    for (const f of found) known.add(f.fingerprint);
  }
  return known;
}

interface Classified {
  row: PreparedRow;
  outcome: Outcome;
}

/** What each row would do: create, update, duplicate or rejected (and why). */
async function classify(ex: Executor, rows: PreparedRow[]): Promise<Classified[]> {
  const known = await knownFingerprints(ex, rows);
  const asked = rows.filter((r) => r.data !== null && r.id === null);
  const sameOf = new Map<PreparedRow, SamePerson[]>();
  const answers = await findSameMany(ex, asked.map((r) => r.data as NonNullable<PreparedRow['data']>));
  asked.forEach((r, i) => sameOf.set(r, answers[i] ?? []));
  const householdSize = new Map<string, number>();
  const seenPrint = new Map<string, number>();
  const seenPerson = new Map<string, number>();
  const out: Classified[] = [];
  for (const r of rows) {
    const o: Outcome = { row: r.row, outcome: 'create', reason: r.note, column: null, name: r.name, matchId: null, matchRow: null };
    const done = (patch: Partial<Outcome>) => out.push({ row: r, outcome: { ...o, ...patch } });
    if (r.data === null) {
      done({ outcome: 'rejected', reason: r.reason, column: r.column });
      continue;
    }
    if (known.has(r.fingerprint)) {
      done({ outcome: 'duplicate', reason: 'validation.importAlreadyImported' });
      continue;
    }
    const sameRow = seenPrint.get(r.fingerprint);
    if (sameRow !== undefined) {
      done({ outcome: 'duplicate', reason: 'validation.importSameInFile', matchRow: sameRow });
      continue;
    }
    seenPrint.set(r.fingerprint, r.row);
    if (r.id !== null) {
      const found = await ex.selectFrom('residents').select(['id', 'erased_at']).where('id', '=', r.id).executeTakeFirst();
      if (!found || found.erased_at !== null) done({ outcome: 'rejected', reason: 'validation.importNoSuchResident', column: null });
      else done({ outcome: 'update', matchId: r.id });
      continue;
    }
    const personKey = `${nameKey(r.data.lastName, r.data.firstName, r.data.patronymic)}|${r.data.birthYear ?? ''}`;
    const samePerson = seenPerson.get(personKey);
    if (samePerson !== undefined) {
      done({ outcome: 'duplicate', reason: 'validation.importSameInFile', matchRow: samePerson });
      continue;
    }
    seenPerson.set(personKey, r.row);
    if (r.householdKey !== '') {
      const size = (householdSize.get(r.householdKey) ?? 0) + 1;
      householdSize.set(r.householdKey, size);
      if (size > MAX_MEMBERS) {
        done({ outcome: 'rejected', reason: 'validation.importHouseholdTooLarge', column: null });
        continue;
      }
    }
    const same = sameOf.get(r) ?? [];
    if (same.length > 0) {
      done({ outcome: 'duplicate', reason: 'validation.importSameAsRegistered', matchId: (same[0] as { id: number }).id });
      continue;
    }
    done({});
  }
  return out;
}

function summary(classified: Classified[], reportId: number | null, households: number): ImportResult {
  const count = (o: Outcome['outcome']) => classified.filter((c) => c.outcome.outcome === o).length;
  return {
    reportId,
    rowCount: classified.length,
    created: count('create'),
    updated: count('update'),
    duplicates: count('duplicate'),
    rejected: count('rejected'),
    households,
    rows: classified.slice(0, MAX_RESULT_ROWS).map((c) => c.outcome),
  };
}

export function importService(deps: CoreDeps) {
  const { db, clock } = deps;
  return {
    async preview(kind: ImportKind, file: ImportFile): Promise<ImportPreview> {
      const { table } = await readFile(deps, file);
      return {
        kind,
        encoding: table.encoding,
        encodingHow: table.encodingHow,
        separator: table.separator,
        fileKind: table.kind,
        header: table.header,
        rows: table.firstRows,
        rowCount: table.rowCount,
        guessed: guessMapping(table.header, kind),
      };
    },

    async dryRun(kind: ImportKind, file: ImportFile, mapping: ImportMapping): Promise<ImportResult> {
      const { rows, kindRows } = await readFile(deps, file, mapping, kind);
      if (kind !== 'residents') return dryRunKind(db, kind, kindRows, clock.today());
      return summary(await classify(db, rows), null, 0);
    },

    async run(kind: ImportKind, file: ImportFile, mapping: ImportMapping, actor: Actor): Promise<ImportResult> {
      // Read and prepared off this thread, before the transaction opens (nothing waits on the file).
      const job = await readFile(deps, file, mapping, kind);
      const at = clock.now().toISOString();
      if (kind !== 'residents') {
        const source = { fileName: file.fileName, encoding: job.table.encoding, separator: job.table.separator, header: job.table.header };
        return db.transaction().execute((trx) => runKind(trx, kind, job.kindRows, source, actor, at, clock.today()));
      }
      return db.transaction().execute(async (trx) => {
        const classified = await classify(trx, job.rows);
        const rejected = classified.filter((c) => c.outcome.outcome === 'rejected');
        const report = await trx
          .insertInto('import_reports')
          .values({
            kind,
            file_name: file.fileName,
            encoding: job.table.encoding,
            separator: job.table.separator,
            row_count: classified.length,
            created: 0,
            updated: 0,
            duplicates: 0,
            rejected: rejected.length,
            rejected_rows: JSON.stringify({
              header: job.table.header,
              rows: rejected.map((c) => ({ row: c.outcome.row, reason: c.outcome.reason, column: c.outcome.column, cells: c.row.cells })),
            }),
            at,
            by: actor.id,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const households = new Map<string, { ids: number[]; address: { settlement: string; street: string; house: string; flat: string } }>();
        const relations = new Map<number, PreparedRow['relation']>();
        const sqlite = deps.sqlite;
        if (sqlite === null) throw new AppError('unavailable', 'Import needs the database file');
        const write = bulkWriter(sqlite, actor.id, at);
        for (const c of classified) {
          const data = c.row.data;
          if (data === null) continue;
          let entityId: number;
          if (c.outcome.outcome === 'create') {
            entityId = write.resident(data);
            c.outcome.matchId = entityId;
            if (c.row.householdKey !== '') {
              const h = households.get(c.row.householdKey) ?? { ids: [], address: { settlement: data.settlement, street: data.street, house: data.house, flat: data.flat } };
              h.ids.push(entityId);
              households.set(c.row.householdKey, h);
              relations.set(entityId, c.row.relation);
            }
          } else if (c.outcome.outcome === 'update' && c.outcome.matchId !== null) {
            entityId = c.outcome.matchId;
            await updateResident(trx, entityId, data, actor.id, at);
          } else continue;
          write.fingerprint(c.row.fingerprint, report.id, entityId);
        }
        // Households of the new residents: the first row of a key is the head, living there from today.
        const today = clock.today();
        for (const h of households.values()) {
          const id = write.household(h.address, today);
          h.ids.forEach((residentId, i) => write.member(id, residentId, i === 0 ? 'head' : (relations.get(residentId) ?? 'otherRelative'), today));
        }
        const result = summary(classified, report.id, households.size);
        await trx.updateTable('import_reports').set({ created: result.created, updated: result.updated, duplicates: result.duplicates }).where('id', '=', report.id).execute();
        await appendAudit(trx, {
          at,
          userId: actor.id,
          role: actor.role,
          action: 'change',
          call: 'import.run',
          entityType: 'import_reports',
          entityId: report.id,
          fields: [{ field: 'residents', changed: true }],
        });
        return result;
      });
    },

    async mappings(kind: ImportKind) {
      const rows = await db.selectFrom('import_mappings').selectAll().where('kind', '=', kind).orderBy('name').limit(200).execute();
      return rows.map((r) => ({ id: r.id, kind: r.kind as ImportKind, name: r.name, mapping: JSON.parse(r.mapping) as ImportMapping, updatedAt: r.updated_at }));
    },

    async saveMapping(kind: ImportKind, name: string, mapping: ImportMapping, actor: Actor) {
      const at = clock.now().toISOString();
      const json = JSON.stringify(mapping);
      const row = await db
        .insertInto('import_mappings')
        .values({ kind, name, mapping: json, created_at: at, created_by: actor.id, updated_at: at })
        .onConflict((oc) => oc.columns(['kind', 'name']).doUpdateSet({ mapping: json, updated_at: at }))
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, kind, name, mapping, updatedAt: at };
    },

    async reports(kind: ImportKind | undefined) {
      let q = db.selectFrom('import_reports').select(['id', 'kind', 'file_name', 'row_count', 'created', 'updated', 'duplicates', 'rejected', 'at', 'by']);
      if (kind) q = q.where('kind', '=', kind);
      const rows = await q.orderBy('id', 'desc').limit(200).execute();
      return rows.map((r) => ({ id: r.id, kind: r.kind as ImportKind, fileName: r.file_name, rowCount: r.row_count, created: r.created, updated: r.updated, duplicates: r.duplicates, rejected: r.rejected, at: r.at, by: r.by }));
    },

    /** The rejected rows as CSV (UTF-8 with BOM, ";"), their cells as read and the reason in a first column. */
    async rejectedSheet(reportId: number, reasonText: (key: string) => string) {
      const r = await db.selectFrom('import_reports').select(['file_name', 'rejected_rows']).where('id', '=', reportId).executeTakeFirst();
      if (!r) throw new AppError('notFound', `Import report ${reportId} not found`);
      const data = JSON.parse(r.rejected_rows) as { header: string[]; rows: { row: number; reason: string | null; column: string | null; cells: string[] }[] };
      const rows = [['#', '?', ...data.header], ...data.rows.map((x) => [String(x.row), [x.column, x.reason ? reasonText(x.reason) : ''].filter(Boolean).join(': '), ...x.cells])];
      const base = r.file_name.replace(/\.[^.]+$/, '');
      return { fileName: `${base}-rejected.csv`, base64: Buffer.from(encodeText(csvText(rows, ';'), 'utf-8', true)).toString('base64') };
    },
  };
}
