/**
 * The changed fields of an update, for the audit log: which fields differ between the entity read
 * before and after the call, with old → new values only where the declarations let the log keep
 * them. Names, contacts, notes and health text never enter the log (only the field name and
 * "changed"): a value is kept only when every field group on its path may be logged (never
 * identity, contact or health) and its schema makes it a code (an enum value, a literal, a flag, a
 * number) or it is a date or a time. Free text is never copied, whatever its group or script.
 */
import { contract, isCallName } from '../../../shared/api/contract';
import { AUDIT_VALUE_FREE, groupsAt, isCodeSchema, leafAt } from '../../../shared/api/fields';
import type { AuditField } from '../../../shared/domain/audit';

/** Fields that change on every write: never listed. */
const IGNORED_KEYS = new Set(['updatedAt', 'updatedBy']);
const MAX_FIELDS = 60;
/** A date, a timestamp or a time of day: kept as values wherever their group allows. */
const DATE_OR_TIME = /^(\d{4}-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?)?)?|\d{2}:\d{2})$/;

type Leaf = { path: string[]; value: unknown };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function leaves(value: unknown, path: string[] = [], out: Leaf[] = []): Leaf[] {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (IGNORED_KEYS.has(k)) continue;
      leaves(v, [...path, k], out);
    }
  } else if (path.length > 0) {
    out.push({ path, value });
  }
  return out;
}

/**
 * Whether the log may keep the value at `path`: of the read call's answer for a diff; for
 * submitted input, of the call's answer where it declares a field of that name, else of the
 * call's input where that field is a code (an enum value, a flag). Undeclared: never.
 */
function keepsValue(call: string, path: string[], value: unknown, submitted: boolean): boolean {
  if (!isCallName(call)) return false;
  const def = contract[call];
  const key = path[path.length - 1]!;
  let groups = groupsAt(def.output, path);
  let leaf = groups !== undefined ? leafAt(def.output, path) : undefined;
  if (submitted && groups === undefined) {
    groups = groupsAt(def.output, [key]);
    leaf = groups !== undefined ? leafAt(def.output, [key]) : undefined;
    if (groups === undefined) {
      const input = leafAt(def.input, path);
      if (input === undefined || !['enum', 'literal', 'boolean'].includes((input as unknown as { _zod: { def: { type: string } } })._zod.def.type)) return false;
      groups = [];
      leaf = input;
    }
  }
  if (groups === undefined || leaf === undefined || groups.some((g) => AUDIT_VALUE_FREE.includes(g))) return false;
  if (value === null || value === undefined) return true;
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  return typeof value === 'string' && (isCodeSchema(leaf) || DATE_OR_TIME.test(value));
}

type Scalar = string | number | boolean | null;

function field(call: string, path: string[], oldValue: unknown, newValue: unknown, hasOld: boolean): AuditField {
  const name = path.join('.');
  const keep = keepsValue(call, path, newValue, !hasOld) && (!hasOld || keepsValue(call, path, oldValue, false));
  if (!keep) return { field: name, changed: true };
  return hasOld ? { field: name, old: (oldValue ?? null) as Scalar, new: (newValue ?? null) as Scalar } : { field: name, new: (newValue ?? null) as Scalar };
}

/** Fields that differ between two snapshots of an entity read with `call` (its declared entity read). */
export function diffFields(call: string, before: unknown, after: unknown, prefix: string[] = []): AuditField[] {
  const a = new Map(leaves(before, prefix).map((l) => [l.path.join('\u0000'), l]));
  const b = new Map(leaves(after, prefix).map((l) => [l.path.join('\u0000'), l]));
  const out: AuditField[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(key);
    const y = b.get(key);
    if (JSON.stringify(x?.value) === JSON.stringify(y?.value)) continue;
    const path = (y ?? x)!.path;
    out.push(field(call, path, x?.value, y?.value, true));
    if (out.length >= MAX_FIELDS) break;
  }
  return out;
}

/** Without a snapshot before: the fields the caller submitted (new values where allowed). */
export function submittedFields(call: string, input: unknown): AuditField[] {
  return leaves(input)
    .filter((l) => !(l.path.length === 1 && l.path[0] === 'id'))
    .slice(0, MAX_FIELDS)
    .map((l) => field(call, l.path, undefined, l.value, false));
}
