/**
 * What dispatch does around a handler, for both transports: after the handler, the output is
 * redacted for the caller's role (field groups of shared/api/policy.ts) and audited calls are
 * written to the audit log (changes with their changed fields, views of a resident's record,
 * exports, and calls refused by the role policy).
 */
import { contract, isCallName, type CallName } from '../../../shared/api/contract';
import { auditKind } from '../../../shared/api/policy';
import type { AuditField } from '../../../shared/domain/audit';
import type { CallContext, CoreDeps } from '../context';
import type { Handlers } from '../handlers';
import { appendAudit } from '../features/audit/audit.service';
import { diffFields, submittedFields } from './audit-diff';
import { emptyReport, redactOutput } from './redact';

/**
 * Sign-in events are written by the users feature itself (with its own actions); a restore is
 * written by the host into the restored database, because the database this core holds is closed.
 */
const SELF_AUDITED_PREFIXES = ['auth.', 'backups.restore'];

function record(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function idOf(v: unknown): string | number | null {
  return typeof v === 'number' || (typeof v === 'string' && v.length <= 100) ? v : null;
}

/** The `*.get` call that reads the entity a change call works on, if the contract has one. */
function getCallFor(name: CallName): CallName | null {
  const prefix = name.slice(0, name.indexOf('.'));
  const get = `${prefix}.get`;
  return get !== name && isCallName(get) ? get : null;
}

/** The entity with this id in a `*.get` answer: the answer itself or one of its members. */
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

function sameKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k));
}

export interface Snapshot {
  /** The newest audit entry before the call: a call that writes its own entries is not logged twice. */
  lastId: number;
  /** The entity before a change, as its `*.get` shows it. */
  before: { get: CallName; value: unknown } | null;
}

export function createGuard(deps: Pick<CoreDeps, 'db' | 'clock' | 'logger'>, handlers: Handlers) {
  const warned = new Set<string>();

  function audited(name: CallName): ReturnType<typeof auditKind> {
    if (SELF_AUDITED_PREFIXES.some((p) => name.startsWith(p))) return null;
    return auditKind(name, contract[name].changes);
  }

  async function read(get: CallName, id: unknown, ctx: CallContext): Promise<unknown> {
    try {
      const handler = handlers[get] as (input: unknown, ctx: CallContext) => Promise<unknown>;
      const parsed = contract[get].input.safeParse({ id });
      return parsed.success ? await handler(parsed.data, ctx) : undefined;
    } catch {
      return undefined;
    }
  }

  return {
    /** Removes the keys the role may not receive; warns once per unclassified key. */
    redact(name: CallName, ctx: CallContext, value: unknown): unknown {
      const report = emptyReport();
      const out = redactOutput(name, ctx.actor.role, value, report);
      for (const k of report.unclassified) {
        if (warned.has(k)) continue;
        warned.add(k);
        deps.logger.warn('output key not classified by the field policy (removed for non-admins)', { key: k });
      }
      return out;
    },

    /** Before an audited call: where the log ends, and for a change the entity as its `*.get` shows it. */
    async before(name: CallName, input: unknown, ctx: CallContext): Promise<Snapshot | null> {
      const kind = audited(name);
      if (kind === null) return null;
      const last = await deps.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
      const snapshot: Snapshot = { lastId: last?.id ?? 0, before: null };
      const get = getCallFor(name);
      const id = record(input)?.id;
      if (kind !== 'change' || get === null || idOf(id) === null || name.endsWith('.create')) return snapshot;
      const value = await read(get, id, ctx);
      if (value !== undefined) snapshot.before = { get, value };
      return snapshot;
    },

    /** After a successful call: writes its audit entry (views and exports fail closed). */
    async after(name: CallName, input: unknown, ctx: CallContext, value: unknown, snapshot: Snapshot | null): Promise<void> {
      const kind = audited(name);
      if (kind === null) return;
      // The privacy feature writes its own, more precise entries (per person) inside its transactions.
      if (snapshot) {
        const own = await deps.db.selectFrom('audit_log').select('id').where('id', '>', snapshot.lastId).where('call', '=', name).limit(1).executeTakeFirst();
        if (own) return;
      }
      const inp = record(input) ?? {};
      const out = record(value);
      const entityType = name.startsWith('export.') ? 'export' : name.slice(0, name.indexOf('.'));
      const entityId = idOf(inp.id) ?? idOf(out?.id) ?? idOf(record(out?.resident)?.id) ?? null;
      const residentId =
        idOf(inp.residentId) ?? idOf(out?.residentId) ?? idOf(record(out?.resident)?.id) ?? (entityType === 'residents' ? entityId : null);
      let fields: AuditField[] | null = null;
      if (kind === 'change' && !name.endsWith('.create')) {
        if (snapshot?.before) {
          // When the call answers with the entity as `*.get` shows it, compare with that answer;
          // otherwise read the entity again.
          const was = entityIn(snapshot.before.value, inp.id);
          const now = record(value);
          if (was && now && now.id === inp.id && sameKeys(was.obj, now)) {
            fields = diffFields(snapshot.before.get, was.obj, now, was.path);
          } else {
            const after = await read(snapshot.before.get, inp.id, ctx);
            fields = after === undefined ? null : diffFields(snapshot.before.get, snapshot.before.value, after);
          }
        } else {
          fields = submittedFields(name, input);
        }
      }
      const entry = {
        at: deps.clock.now(),
        userId: ctx.actor.id > 0 ? ctx.actor.id : null,
        role: ctx.actor.role,
        action: kind,
        call: name,
        entityType,
        entityId,
        residentId: typeof residentId === 'number' ? residentId : null,
        fields,
      };
      try {
        await appendAudit(deps.db, entry);
      } catch (e) {
        deps.logger.error('audit failed', { call: name, error: e instanceof Error ? e.message : String(e) });
        // A change has already been committed: report it done. A view or an export is refused
        // when it cannot be logged.
        if (kind !== 'change') throw e;
      }
    },

    /** A call refused by the role policy. */
    async denied(name: CallName, input: unknown, ctx: CallContext): Promise<void> {
      const id = idOf(record(input)?.id);
      await appendAudit(deps.db, {
        at: deps.clock.now(),
        userId: ctx.actor.id > 0 ? ctx.actor.id : null,
        role: ctx.actor.role,
        action: 'denied',
        call: name,
        entityType: name.slice(0, name.indexOf('.')),
        entityId: id,
        outcome: 'denied',
      });
    },
  };
}

export type Guard = ReturnType<typeof createGuard>;
