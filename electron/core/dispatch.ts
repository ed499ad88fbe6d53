import type { z } from 'zod';
import { contract, isCallName, mayCall, type CallName } from '../../shared/api/contract';
import type { CallDef } from '../../shared/api/define';
import { AppError, type Envelope, type FieldIssue } from '../../shared/api/errors';
import type { Caller, CallContext, CoreDeps } from './context';
import { trustedOnly, type CallerResolver } from './features/users/caller';
import type { CoreEvents } from './events';
import type { Handlers } from './handlers';
import { appendAudit } from './features/audit/audit.service';
import { isStorageFull } from './db/storage-full';
import { auditEntry, deniedEntry, readEntity } from './policy/audit-entry';
import { redactFor } from '../../shared/api/fields';

function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 50).map((issue) => ({
    path: issue.path.map(String).join('.'),
    // Our schemas carry i18n keys as messages; anything else (a wrong type from a script) is generic.
    message: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid',
  }));
}

/** A lone UTF-16 surrogate (half of a pair): it cannot be stored as UTF-8 and is refused. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * The first string (or object key) in an input that holds a lone surrogate, as a field path.
 * Inputs are JSON from a form or a script; an in-process caller may share sub-objects, so each
 * object is looked at once, and the walk stops after as many values as any real form sends
 * (the schema refuses what is bigger).
 */
function brokenText(input: unknown): string | null {
  const seen = new Set<object>();
  let budget = 100_000;
  const walk = (value: unknown, path: string[]): string | null => {
    if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path.join('.') : null;
    if (value === null || typeof value !== 'object' || seen.has(value) || path.length > 20) return null;
    seen.add(value);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      budget -= 1;
      if (budget < 0) return null;
      if (LONE_SURROGATE.test(k)) return [...path, k].join('.');
      const found = walk(v, [...path, k]);
      if (found !== null) return found;
    }
    return null;
  };
  return walk(input, []);
}

export interface DispatchParts {
  handlers: Handlers;
  events: CoreEvents;
  deps: CoreDeps;
  resolveCaller?: CallerResolver;
  /**
   * Recovery mode: the database failed its check and is not open. Handlers (restore, salvage
   * export) run without a transaction and nothing is audited: there is nowhere to write it.
   */
  withoutDatabase?: boolean;
}

/**
 * The single entry point of both transports. For every call, in this order: the call exists; who
 * is calling and whether their role may use it (a refusal is audited); the input is valid (the
 * contract's schema, and no broken text); then the handler runs where the call's declaration says
 * (ARCHITECTURE.md): a change, view or export in one write transaction together with its audit
 * entry, a plain read on the database. After the commit the `changed` event goes out, and the
 * answer leaves with only the field groups the caller's role may receive. It never throws: any
 * failure becomes a typed error.
 */
export function createDispatch({ handlers, events, deps, resolveCaller = trustedOnly, withoutDatabase = false }: DispatchParts) {
  const { logger } = deps;

  async function run(name: CallName, def: CallDef<z.ZodType, z.ZodType>, input: unknown, ctx: CallContext): Promise<unknown> {
    const handler = handlers[name] as (input: unknown, ctx: CallContext, deps: CoreDeps) => Promise<unknown>;
    if (withoutDatabase) return handler(input, ctx, deps);
    if (def.transaction === 'call') {
      return deps.db.transaction().execute(async (trx) => {
        const callDeps: CoreDeps = { ...deps, db: trx };
        const before = def.entity ? await readEntity(handlers, def.entity, input, ctx, callDeps) : undefined;
        const out = await handler(input, ctx, callDeps);
        if (def.audit !== 'self' && def.audit !== 'none') {
          const after = def.entity ? await readEntity(handlers, def.entity, input, ctx, callDeps) : undefined;
          await appendAudit(trx, auditEntry({ name, def, input, ctx, value: out, before, after, at: deps.clock.now() }));
        }
        return out;
      });
    }
    const value = await handler(input, ctx, deps);
    // A call that manages its own boundaries (a backup) and is audited by dispatch: its entry in a
    // transaction of its own, after the work (there is no change of the database to join).
    if (def.audit !== 'self' && def.audit !== 'none') {
      await appendAudit(deps.db, auditEntry({ name, def, input, ctx, value, before: undefined, after: undefined, at: deps.clock.now() }));
    }
    return value;
  }

  return async function dispatch(name: string, input: unknown, caller: Caller): Promise<Envelope<unknown>> {
    if (!isCallName(name)) {
      return { ok: false, error: { code: 'unknownCall', message: 'Unknown call' } };
    }
    const def = contract[name] as CallDef<z.ZodType, z.ZodType>;
    // Who is calling (users feature): a trusted in-process actor, or a transport's session. A
    // non-public call needs a signed-in, unlocked session ('unauthorised' / 'locked' otherwise);
    // a public call before sign-in skips the role check (its handler looks at ctx.session).
    const who = await resolveCaller(caller, def.public);
    if (!who.ok) return { ok: false, error: who.error };
    const ctx: CallContext = who.ctx;
    if (!who.anonymous && !mayCall(name, ctx.actor.role)) {
      if (!withoutDatabase) {
        await appendAudit(deps.db, deniedEntry(name, input, ctx, deps.clock.now())).catch((e: unknown) =>
          logger.error('audit failed', { call: name, error: String(e) }),
        );
      }
      return { ok: false, error: { code: 'forbidden', message: `Role ${ctx.actor.role} may not use ${name}`, details: { role: ctx.actor.role, call: name } } };
    }
    const broken = brokenText(input);
    if (broken !== null) {
      return { ok: false, error: { code: 'validation', message: 'Invalid input', fields: [{ path: broken, message: 'validation.brokenText' }] } };
    }
    const parsed = def.input.safeParse(input === undefined || input === null ? {} : input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'validation', message: 'Invalid input', fields: fieldIssues(parsed.error) } };
    }
    try {
      const value = await run(name, def, parsed.data, ctx);
      if (def.changes.length > 0) events.emit({ type: 'changed', topics: [...def.changes] });
      return { ok: true, value: redactFor(def.output, ctx.actor.role, value) ?? null };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toBody() };
      if (isStorageFull(e)) {
        logger.error('disk full', { call: name });
        return { ok: false, error: { code: 'storageFull', message: 'The disk is full' } };
      }
      logger.error('call failed', { call: name, error: e instanceof Error ? e.message : String(e) });
      return { ok: false, error: { code: 'internal', message: 'Internal error' } };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatch>;
export type { CallName };
