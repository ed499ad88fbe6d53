/**
 * The changed fields of an update, for the audit log: which fields differ between the entity read
 * before and after the call, with old → new values only where the policy lets the log keep them.
 * Names, contacts, notes and health text never enter the log (only the field name and "changed").
 */
import { AUDIT_VALUE_FREE, classifyKey, type Classification } from '../../../shared/api/policy';
import { contract, isCallName } from '../../../shared/api/contract';
import { isLegacyOutput } from '../../../shared/api/define';
import { AUDIT_VALUE_FREE as VALUE_FREE_GROUPS, groupsAt } from '../../../shared/api/fields';
import type { AuditField } from '../../../shared/domain/audit';

/** Keys that change on every write or carry free text whatever their group: never with values. */
const VALUE_FREE_KEYS = new Set(['name', 'title', 'text', 'label', 'summary', 'counterparty', 'documentNo', 'detail', 'details']);
const IGNORED_KEYS = new Set(['updatedAt', 'updatedBy']);
const MAX_FIELDS = 60;
/** Keys that name or describe someone or something in words: the log keeps only "changed". */
const WORDY_KEY = /name|By$|title|text|label|comment/i;
/** Strings kept as values: codes, enum values, dates and timestamps, never words in any script. */
const CODE_LIKE = /^[A-Za-z0-9_.:+-]{0,60}$/;

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
 * Whether the log may keep the values at `path` of `call`'s answer: by the field groups its output
 * schema declares on the way (never identity, contact or health), or, for an output still declared
 * only as a type, by the older key list. For submitted input, the call's answer is asked for a
 * field of the same name; a field it does not declare keeps no values.
 */
function valuesAllowed(call: string, path: string[], submitted: boolean): boolean {
  const output = isCallName(call) ? contract[call].output : undefined;
  if (output && !isLegacyOutput(output)) {
    const key = path[path.length - 1]!;
    const groups = groupsAt(output, path) ?? (submitted ? groupsAt(output, [key]) : undefined);
    return groups !== undefined && groups.length > 0 && groups.every((g) => !VALUE_FREE_GROUPS.includes(g));
  }
  const key = path[path.length - 1]!;
  if (VALUE_FREE_KEYS.has(key) || WORDY_KEY.test(key)) return false;
  for (const k of path) {
    const g: Classification | undefined = classifyKey(call, k);
    if (g === undefined || AUDIT_VALUE_FREE.includes(g)) return false;
  }
  return true;
}

function keepsValues(call: string, path: string[], value: unknown, submitted: boolean): boolean {
  if (!valuesAllowed(call, path, submitted)) return false;
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return true;
  // Words are never copied, whatever their group: only codes, enum values, dates and timestamps.
  return typeof value === 'string' && CODE_LIKE.test(value);
}

type Scalar = string | number | boolean | null;

function field(call: string, path: string[], oldValue: unknown, newValue: unknown, hasOld: boolean): AuditField {
  const name = path.join('.');
  const keep = keepsValues(call, path, newValue, !hasOld) && (!hasOld || keepsValues(call, path, oldValue, false));
  if (!keep) return { field: name, changed: true };
  return hasOld ? { field: name, old: (oldValue ?? null) as Scalar, new: (newValue ?? null) as Scalar } : { field: name, new: (newValue ?? null) as Scalar };
}

/** Fields that differ between two snapshots of an entity read with `call` (a `*.get`). */
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
