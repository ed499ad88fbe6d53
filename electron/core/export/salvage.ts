/**
 * "Export what can still be read" from a damaged database: every table is copied row by row into
 * a fresh in-memory database with the same schema, skipping what cannot be read, and that copy is
 * exported as the usual ZIP of CSV files. The damaged file is opened read-only and never changed.
 */
import Database from 'better-sqlite3';
import { writeFullExport, type ExportManifest } from './full-export';

export interface SalvageResult {
  manifest: ExportManifest;
  /** Tables (or parts) that could not be read. */
  lost: Array<{ table: string; error: string }>;
}

export async function salvageExport(damagedFile: string, target: string, meta: { createdAt: string; appVersion: string }): Promise<SalvageResult> {
  const source = new Database(damagedFile, { readonly: true, fileMustExist: true });
  const copy = new Database(':memory:');
  const lost: SalvageResult['lost'] = [];
  try {
    let tables: Array<{ name: string; sql: string }> = [];
    try {
      tables = source.prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql is not null").all() as typeof tables;
    } catch (e) {
      lost.push({ table: 'sqlite_master', error: e instanceof Error ? e.message : String(e) });
    }
    for (const t of tables) {
      try {
        copy.exec(t.sql);
      } catch (e) {
        lost.push({ table: t.name, error: e instanceof Error ? e.message : String(e) });
        continue;
      }
      const quoted = `"${t.name.replace(/"/g, '""')}"`;
      try {
        const columns = (source.prepare(`pragma table_info(${quoted})`).all() as Array<{ name: string }>).map((c) => c.name);
        const insert = copy.prepare(`insert or ignore into ${quoted} (${columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
        const rows = source.prepare(`select * from ${quoted}`).raw(true);
        copy.transaction(() => {
          try {
            for (const row of rows.iterate() as IterableIterator<unknown[]>) insert.run(...row);
          } catch (e) {
            // Rows read before the damaged page are kept; the rest of this table is reported as lost.
            lost.push({ table: t.name, error: e instanceof Error ? e.message : String(e) });
          }
        })();
      } catch (e) {
        lost.push({ table: t.name, error: e instanceof Error ? e.message : String(e) });
      }
    }
    const schemaVersion = (() => {
      try {
        return (copy.prepare('select name from schema_migrations order by name desc limit 1').pluck().get() as string | undefined) ?? '';
      } catch {
        return '';
      }
    })();
    const centreName = (() => {
      try {
        return (copy.prepare("select value from settings where key = 'centreName'").pluck().get() as string | undefined) ?? null;
      } catch {
        return null;
      }
    })();
    const manifest = await writeFullExport(copy, target, { ...meta, schemaVersion, centreName });
    return { manifest, lost };
  } finally {
    source.close();
    copy.close();
  }
}
