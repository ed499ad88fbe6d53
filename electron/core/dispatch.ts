import type { z } from 'zod';
import { contract, isCallName, type CallName } from '../../shared/api/contract';
import { AppError, type Envelope, type FieldIssue } from '../../shared/api/errors';
import type { Caller, CallContext } from './context';
import { trustedOnly, type CallerResolver } from './features/users/caller';
import type { CoreEvents } from './events';
import type { Handlers } from './handlers';
import type { Logger } from './logger';
import type { Guard } from './policy/guard';
import { redactOutput } from './policy/redact';

function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 50).map((issue) => ({
    path: issue.path.map(String).join('.'),
    // Our schemas carry i18n keys as messages; anything else (a wrong type from a script) is generic.
    message: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid',
  }));
}

function isDiskFull(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'SQLITE_IOERR_WRITE';
}

/**
 * The single entry point of both transports: checks the call exists and the role may use it,
 * validates the input with the contract's schema, runs the handler and wraps the result in the
 * envelope. It never throws: any failure becomes a typed error.
 */
export function createDispatch(handlers: Handlers, events: CoreEvents, logger: Logger, resolveCaller: CallerResolver = trustedOnly, guard?: Guard) {
  return async function dispatch(name: string, input: unknown, caller: Caller): Promise<Envelope<unknown>> {
    if (!isCallName(name)) {
      return { ok: false, error: { code: 'unknownCall', message: 'Unknown call' } };
    }
    const def = contract[name];
    // Who is calling (users feature): a trusted in-process actor, or a transport's session. A
    // non-public call needs a signed-in, unlocked session ('unauthorised' / 'locked' otherwise);
    // a public call before sign-in skips the role check (its handler looks at ctx.session).
    const who = await resolveCaller(caller, def.public);
    if (!who.ok) return { ok: false, error: who.error };
    const ctx: CallContext = who.ctx;
    if (!who.anonymous && !def.roles.includes(ctx.actor.role)) {
      // Policy (issue 6): a refusal is written to the audit log.
      await guard?.denied(name, input, ctx).catch((e: unknown) => logger.error('audit failed', { call: name, error: String(e) }));
      return { ok: false, error: { code: 'forbidden', message: `Role ${ctx.actor.role} may not use ${name}` } };
    }
    const parsed = (def.input as z.ZodType).safeParse(input === undefined || input === null ? {} : input);
    if (!parsed.success) {
      return { ok: false, error: { code: 'validation', message: 'Invalid input', fields: fieldIssues(parsed.error) } };
    }
    try {
      const handler = handlers[name] as (input: unknown, ctx: CallContext) => Promise<unknown>;
      // Policy (issue 6): the entity before a change, for the audit log's changed fields.
      const snapshot = guard ? await guard.before(name, parsed.data, ctx) : null;
      const value = await handler(parsed.data, ctx);
      if (def.changes.length > 0) events.emit({ type: 'changed', topics: [...def.changes] });
      // Policy (issue 6): the audit entry, then only the field groups the caller's role may receive.
      await guard?.after(name, parsed.data, ctx, value, snapshot);
      const out = guard ? guard.redact(name, ctx, value) : redactOutput(name, ctx.actor.role, value);
      return { ok: true, value: out ?? null };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toBody() };
      if (isDiskFull(e)) {
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
