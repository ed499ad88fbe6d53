/**
 * Import of residents (with households) from a centre's list: preview, dry run and run (issue 15).
 * The file is read and its rows prepared on the long-work thread (prepare.ts, job `import`), and
 * there too, on a connection of its own, compared with the register (fingerprints of rows
 * imported before, the same person earlier in the file, the duplicate check) and, for a run,
 * written in one transaction with the report and the audit entry: all rows or none
 * (residents-run.ts; the other kinds' rules in import.kinds.ts, run there the same way). An
 * in-memory core (tests) compares and writes on its own thread.
 */
import { AppError } from '../../../../shared/api/errors';
import path from 'node:path';
import {
  guessMapping,
  type ImportKind,
  type ImportMapping,
  type ImportPreview,
  type ImportResult,
} from '../../../../shared/domain/imports';
import type { Actor, CoreDeps } from '../../context';
import { DATABASE_FILE } from '../../db/database-file';
import { csvText, encodeText } from './fixtures';
import type { ImportJobParams, ImportJobResult } from './prepare';
import { classify, summary, writeResidents, type ImportDatabaseParams, type RunWho } from './residents-run';
import { dryRunKind, runKind } from './import.kinds';
import { isFieldOf } from '../../../../shared/domain/imports';

export interface ImportFile {
  fileName: string;
  base64: string;
  encoding?: ImportJobParams['encoding'];
  separator?: ImportJobParams['separator'];
}

/** A file that cannot be imported: a validation error on the field `file` with the reason's key. */
function fileProblem(problem: string, detail: string | null): AppError {
  return new AppError('validation', `The file cannot be imported: ${problem}`, {
    fields: [{ path: 'file', message: `validation.${problem}` }],
    ...(detail !== null ? { details: { detail } } : {}),
  });
}

/** The database file the long-work thread may open (none for an in-memory core: tests). */
function databaseFile(deps: CoreDeps): string | null {
  return deps.paths.dataDir !== null && deps.sqlite !== null && !deps.sqlite.memory ? path.join(deps.paths.dataDir, DATABASE_FILE) : null;
}

async function readFile(
  deps: CoreDeps,
  file: ImportFile,
  mapping?: ImportMapping,
  kind: ImportKind = 'residents',
  database?: ImportDatabaseParams,
): Promise<ImportJobResult & { result?: ImportResult | undefined }> {
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
    database,
  });
  if (answer.ok) return answer.value;
  if (answer.problem === null) throw new AppError(answer.error.code, answer.error.message, { ...(answer.error.fields ? { fields: answer.error.fields } : {}), ...(answer.error.details ? { details: answer.error.details } : {}) } as never);
  throw fileProblem(answer.problem, answer.detail);
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
      // On a file, every kind's compare runs on the long-work thread too (its own read snapshot).
      const dbFile = databaseFile(deps);
      const job = await readFile(deps, file, mapping, kind, dbFile !== null ? { file: dbFile } : undefined);
      if (job.result) return job.result;
      // An in-memory core (tests): read on the long-work thread, compared here.
      if (kind !== 'residents') return dryRunKind(db, kind, job.kindRows, clock.today());
      return summary(await classify(db, job.rows), null, 0);
    },

    async run(kind: ImportKind, file: ImportFile, mapping: ImportMapping, actor: Actor): Promise<ImportResult> {
      const at = clock.now().toISOString();
      const dbFile = databaseFile(deps);
      const who: RunWho = { kind, fileName: file.fileName, actor, at, today: clock.today() };
      if (dbFile !== null) {
        // Every kind read, compared and written on the long-work thread, in one transaction of its
        // own connection (residents-run.ts): this thread keeps answering calls meanwhile.
        const job = await readFile(deps, file, mapping, kind, { file: dbFile, run: who });
        if (!job.result) throw new Error('The import job answered without a result');
        return job.result;
      }
      // An in-memory core (tests): read on the long-work thread, then compared and written here.
      const job = await readFile(deps, file, mapping, kind);
      if (kind !== 'residents') {
        const source = { fileName: file.fileName, encoding: job.table.encoding, separator: job.table.separator, header: job.table.header };
        return db.transaction().execute((trx) => runKind(trx, kind, job.kindRows, source, actor, at, clock.today()));
      }
      const sqlite = deps.sqlite;
      if (sqlite === null) throw new AppError('unavailable', 'Import needs the database file');
      return db.transaction().execute((trx) => writeResidents(trx, sqlite, job.rows, { ...who, encoding: job.table.encoding, separator: job.table.separator, header: job.table.header }));
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
    async rejectedSheet(reportId: number, reasonText: (key: string, text: string | null) => string) {
      const r = await db.selectFrom('import_reports').select(['file_name', 'rejected_rows']).where('id', '=', reportId).executeTakeFirst();
      if (!r) throw new AppError('notFound', `Import report ${reportId} not found`);
      const data = JSON.parse(r.rejected_rows) as { header: string[]; rows: { row: number; reason: string | null; column: string | null; text?: string | null; cells: string[] }[] };
      const rows = [['#', '?', ...data.header], ...data.rows.map((x) => [String(x.row), [x.column, x.reason ? reasonText(x.reason, x.text ?? null) : ''].filter(Boolean).join(': '), ...x.cells])];
      const base = r.file_name.replace(/\.[^.]+$/, '');
      return { fileName: `${base}-rejected.csv`, base64: Buffer.from(encodeText(csvText(rows, ';'), 'utf-8', true)).toString('base64') };
    },
  };
}
