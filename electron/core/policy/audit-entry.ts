/**
 * The audit entry of a call, as dispatch writes it inside the call's transaction: what the call's
 * declaration says it is (a change, a view of a record, an export), who did it, on which entity
 * and resident, and for an update the fields that changed between the entity read before and
 * after the handler (with the read call the declaration names, never one found by its name).
 */
import { contract, isCallName, type CallName } from '../../../shared/api/contract';
import type { CallDef, EntityRead } from '../../../shared/api/define';
import type { AuditField } from '../../../shared/domain/audit';
import type { z } from 'zod';
import type { CallContext, CoreDeps } from '../context';
import type { Handlers } from '../handlers';
import type { AuditInput } from '../features/audit/audit.service';
import { diffFields, submittedFields } from './audit-diff';

function record(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function idOf(v: unknown): string | number | null {
  return typeof v === 'number' || (typeof v === 'string' && v.length <= 100) ? v : null;
}

/** The entity with this id in a read call's answer: the answer itself or one of its members. */
function entityIn(v: unknown, id: unknown): { path: string[]; obj: Record<string, unknown> } | null {
  const r = record(v);
  if (!r) return null;
  if (r.id === id) return { path: [], obj: r };
  for (const [k, inner] of Object.entries(r)) {
    const o = record(inner);
    if (o && o.id === id) return { path: [k], obj: o };
  }
  return null;
}

/**
 * Runs the declared read of the entity a change works on, inside the call's transaction (the same
 * `deps`). Undefined when the entity does not exist (the handler then answers notFound itself).
 */
export async function readEntity(handlers: Handlers, entity: EntityRead, input: unknown, ctx: CallContext, deps: CoreDeps): Promise<unknown> {
  if (!isCallName(entity.read)) throw new Error(`The declared entity read ${entity.read} is not a call`);
  const read = entity.read;
  const parsed = contract[read].input.safeParse({ id: record(input)?.[entity.key] });
  if (!parsed.success) return undefined;
  try {
    return await (handlers[read] as (input: unknown, ctx: CallContext, deps: CoreDeps) => Promise<unknown>)(parsed.data, ctx, deps);
  } catch {
    return undefined;
  }
}

function changedFields(def: CallDef<z.ZodType, z.ZodType>, name: CallName, input: unknown, before: unknown, after: unknown): AuditField[] | null {
  if (def.entity === null || before === undefined) return submittedFields(name, input);
  if (after === undefined) return null;
  const id = record(input)?.[def.entity.key];
  const was = entityIn(before, id);
  const now = entityIn(after, id);
  // Compare the entity itself when the answer holds it (a resident inside their page), else the answers.
  if (was && now && was.path.join('.') === now.path.join('.')) return diffFields(def.entity.read, was.obj, now.obj, was.path);
  return diffFields(def.entity.read, before, after);
}

export function auditEntry(a: {
  name: CallName;
  def: CallDef<z.ZodType, z.ZodType>;
  input: unknown;
  ctx: CallContext;
  value: unknown;
  before: unknown;
  after: unknown;
  at: Date;
}): AuditInput {
  const { name, def, ctx } = a;
  const inp = record(a.input) ?? {};
  const out = record(a.value);
  const entityType = def.audit === 'export' && name.startsWith('export.') ? 'export' : name.slice(0, name.indexOf('.'));
  const entityId = idOf(inp.id) ?? idOf(out?.id) ?? idOf(record(out?.resident)?.id) ?? null;
  const residentId = idOf(inp.residentId) ?? idOf(out?.residentId) ?? idOf(record(out?.resident)?.id) ?? (entityType === 'residents' ? entityId : null);
  const fields = def.audit === 'change' && !name.endsWith('.create') ? changedFields(def, name, a.input, a.before, a.after) : null;
  return {
    at: a.at,
    userId: ctx.actor.id > 0 ? ctx.actor.id : null,
    role: ctx.actor.role,
    action: def.audit,
    call: name,
    entityType,
    entityId,
    residentId: typeof residentId === 'number' ? residentId : null,
    fields,
  };
}

/** A call refused by the role policy. */
export function deniedEntry(name: CallName, input: unknown, ctx: CallContext, at: Date): AuditInput {
  return {
    at,
    userId: ctx.actor.id > 0 ? ctx.actor.id : null,
    role: ctx.actor.role,
    action: 'denied',
    call: name,
    entityType: name.slice(0, name.indexOf('.')),
    entityId: idOf(record(input)?.id),
    outcome: 'denied',
  };
}
