/**
 * What every kind of list other than residents shares (issue 15: volunteers, request history, cash
 * book, in-kind stock): a prepared row (read on the long-work thread, no database), the cells of a
 * row by field, the row's fingerprint, and what each kind's module provides: `prepare` (cells →
 * data or a reason), `resolve` (against the register: create, duplicate or rejected, and why) and
 * `write` (through the feature's own writes, inside the import's one transaction).
 */
import { createHash } from 'node:crypto';
import type { ImportKind, ImportMapping } from '../../../../shared/domain/imports';
import type { Language } from '../../../../shared/domain/settings';
import { fold } from '../../../../shared/domain/text';
import type { Actor } from '../../context';
import type { Executor } from '../../db/schema';
import type { TableRow } from './read/table';
import { quotedCell } from './read/cells';
import type { KnownOrder } from './read/names';

export interface KindRow<T = unknown> {
  row: number;
  fingerprint: string;
  /** The row's data, or null when the row is rejected. */
  data: T | null;
  /** An i18n key (common `validation.*`): why rejected, or a change made on the way in. */
  reason: string | null;
  column: string | null;
  /** The cell's text when the reason quotes it (an impossible date), else null. */
  text: string | null;
  /** The row's name as read: a person's name, an item, an entry's text. */
  name: string;
  cells: string[];
  /** Field → the header of the column it was read from (for reasons found later, against the register). */
  columns: Record<string, string>;
}

export type Resolution<R> =
  | { outcome: 'create'; value: R; note?: string | null }
  | { outcome: 'duplicate'; reason: string; matchId?: number | null; matchRow?: number | null }
  | { outcome: 'rejected'; reason: string; column: string | null };

export interface PrepareContext {
  thisYear: number;
  /** The centre's today (YYYY-MM-DD): nothing that has happened is after it. */
  today: string;
  /** The order most full names of the file's name column show (read/names.ts), for a name whose words do not tell. */
  nameOrder?: KnownOrder | null | undefined;
}

export interface KindImporter<T, R> {
  prepare(header: string[], r: TableRow, mapping: ImportMapping, ctx: PrepareContext): KindRow<T>;
  /** Each row (not rejected, not imported before) against the register and the earlier rows; in order. */
  resolve(ex: Executor, rows: KindRow<T>[], today: string): Promise<Resolution<R>[]>;
  /** Writes the rows to create; answers each one's record id, in order. `onWritten` hears how many are written so far (progress). */
  write(trx: Executor, values: R[], actor: Actor, at: string, onWritten?: (done: number) => void): Promise<number[]>;
}

/** The same hash as prepare.ts gives residents' rows: the kind, then the non-empty fields sorted by name. */
export function fingerprintOf(kind: ImportKind, values: [string, string][]): string {
  const h = createHash('sha256');
  h.update(kind);
  for (const [field, value] of values.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) h.update(`\u0001${field}\u0002${value.replace(/\s+/g, ' ').trim()}`);
  return h.digest('base64url');
}

/** The cells of a row by the field they are mapped to, and the row's fingerprint. */
export function cellsOf<F extends string>(kind: ImportKind, header: string[], r: TableRow, mapping: ImportMapping) {
  const byField = new Map<F, { column: string; value: string }>();
  const fp: [string, string][] = [];
  const columns: Record<string, string> = {};
  header.forEach((h, i) => {
    const field = mapping.columns[h] as F | undefined;
    if (!field) return;
    const value = (r.cells[i] ?? '').trim();
    byField.set(field, { column: h, value });
    columns[field] = h;
    if (value !== '') fp.push([field, value]);
  });
  const fingerprint = fingerprintOf(kind, fp);
  return {
    get: (f: F) => byField.get(f)?.value ?? '',
    col: (f: F) => byField.get(f)?.column ?? null,
    has: (f: F) => byField.has(f),
    fingerprint,
    /** A rejected row (or a row with the wrong number of fields: never shifted into other columns). */
    reject: <T>(name: string, reason: string, column: string | null): KindRow<T> => ({ row: r.row, fingerprint, data: null, reason, column, text: quotedCell(header, r.cells, reason, column), name, cells: r.cells, columns }),
    /** The row's data, read. */
    ok: <T>(name: string, data: T): KindRow<T> => ({ row: r.row, fingerprint, data, reason: null, column: null, text: null, name, cells: r.cells, columns }),
    shapeProblem: r.shape === 'ok' ? null : r.shape === 'tooMany' ? 'validation.importTooManyFields' : 'validation.importTooFewFields',
  };
}

/** A word as compared with names and labels: folded, quotes and punctuation as spaces. */
export function wordKey(text: string): string {
  return fold(text)
    .replace(/[«»"“”„()[\].,:;!?]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A label in the five languages (locale files of a namespace) → its code: `labels[language][code]`
 * strings, folded. A cell names a code when it is the label, the code itself, or the label's
 * first words up to a bracket or comma ("Дрова" for "Дрова (привезти, перенести, сложить)").
 */
export function labelIndex(codes: readonly string[], labels: Partial<Record<Language, Record<string, unknown>>>, extra: Record<string, string[]> = {}): Map<string, string> {
  const index = new Map<string, string>();
  const add = (word: string, code: string) => {
    const key = wordKey(word);
    if (key !== '' && !index.has(key)) index.set(key, code);
  };
  for (const code of codes) add(code, code);
  for (const table of Object.values(labels)) {
    for (const code of codes) {
      const found = table?.[code];
      for (const label of Array.isArray(found) ? (found as unknown[]) : [found]) {
        if (typeof label !== 'string') continue;
        add(label, code);
        const head = label.split(/[(,:;]/)[0] ?? '';
        if (head.trim() !== label.trim()) add(head, code);
      }
    }
  }
  for (const [code, words] of Object.entries(extra)) for (const w of words) add(w, code);
  return index;
}
