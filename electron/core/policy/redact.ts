/**
 * The generic redactor: walks a call's JSON output and removes every key (with everything under
 * it) whose field group the caller's role may not receive, per shared/api/policy.ts. Keys that are
 * not classified are removed for every role but the admin (fail closed) and reported.
 */
import { classifyKey, opaqueGroup, roleMayReceive, type Classification } from '../../../shared/api/policy';
import type { Role } from '../../../shared/api/roles';
import { contract, type CallName } from '../../../shared/api/contract';
import { isLegacyOutput } from '../../../shared/api/define';
import { redactFor } from '../../../shared/api/fields';

export interface RedactReport {
  /** Keys the policy does not classify, as `call:key`. */
  unclassified: Set<string>;
  /** Groups removed from this output. */
  removed: Set<Classification | 'unclassified'>;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Returns a copy of `value` fit for `role` (the admin gets the value itself). `report` collects
 * unclassified keys and removed groups when given.
 */
export function redactOutput(call: string, role: Role, value: unknown, report?: RedactReport): unknown {
  if (role === 'admin' && !report) return value;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!isPlainObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(v)) {
      const opaque = opaqueGroup(call, key);
      if (opaque !== undefined) {
        if (roleMayReceive(role, opaque)) out[key] = inner;
        else report?.removed.add(opaque);
        continue;
      }
      const group = classifyKey(call, key);
      if (group === undefined) {
        report?.unclassified.add(`${call}:${key}`);
        report?.removed.add('unclassified');
        if (role === 'admin') out[key] = walk(inner);
        continue;
      }
      if (!roleMayReceive(role, group)) {
        report?.removed.add(group);
        continue;
      }
      out[key] = walk(inner);
    }
    return out;
  };
  return walk(value);
}

export function emptyReport(): RedactReport {
  return { unclassified: new Set(), removed: new Set() };
}

/** Every key path in a JSON value, for tests and the audit diff: [key, value] of every object member. */
export function* objectMembers(value: unknown): Generator<[string, unknown]> {
  if (Array.isArray(value)) {
    for (const v of value) yield* objectMembers(v);
  } else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      yield [k, v];
      yield* objectMembers(v);
    }
  }
}

/**
 * The redaction dispatch applies to every answer: by the call's output schema (each field's group),
 * or, for an output still declared only as a type, by the key list (warning once per unclassified key).
 */
export function createRedactor(logger: { warn(message: string, data?: Record<string, unknown>): void }) {
  const warned = new Set<string>();
  return {
    redact(call: CallName, role: Role, value: unknown): unknown {
      const output = contract[call].output;
      if (!isLegacyOutput(output)) return redactFor(output, role, value);
      const report = emptyReport();
      const out = redactOutput(call, role, value, report);
      for (const k of report.unclassified) {
        if (warned.has(k)) continue;
        warned.add(k);
        logger.warn('output key not classified by the field policy (removed for non-admins)', { key: k });
      }
      return out;
    },
  };
}
