import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, contract, type CallName } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { ROLES, type Role } from '../../shared/api/roles';
import { createDispatch } from './dispatch';
import { createEvents, type CoreEvent } from './events';
import type { Handlers } from './handlers';
import type { Logger } from './logger';
import { createTestCore, type TestCore } from './testing/test-core';
import { residentInput, validInputs } from './testing/builders';

const VALID = validInputs();

function spyHandlers() {
  const spies = Object.fromEntries(CALL_NAMES.map((name) => [name, vi.fn(async () => ({ from: name }))])) as Record<
    CallName,
    ReturnType<typeof vi.fn>
  >;
  return { spies, handlers: spies as unknown as Handlers };
}

function recordingLogger() {
  const lines: Array<{ level: string; message: string; data?: Record<string, unknown> }> = [];
  const logger: Logger = {
    info: (message, data) => lines.push({ level: 'info', message, ...(data ? { data } : {}) }),
    warn: (message, data) => lines.push({ level: 'warn', message, ...(data ? { data } : {}) }),
    error: (message, data) => lines.push({ level: 'error', message, ...(data ? { data } : {}) }),
  };
  return { lines, logger };
}

function setup() {
  const { spies, handlers } = spyHandlers();
  const events = createEvents();
  const seen: CoreEvent[] = [];
  events.subscribe((e) => seen.push(e));
  const { lines, logger } = recordingLogger();
  const dispatch = createDispatch(handlers, events, logger);
  return { spies, dispatch, seen, lines };
}

describe('unknown calls', () => {
  it.each(['nope', 'residents.drop', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'residents.search '])(
    '%j → unknownCall, no handler runs',
    async (name) => {
      const { spies, dispatch, seen } = setup();
      const env = await dispatch(name, {}, { actor: { id: 1, role: 'admin' } });
      expect(env).toEqual({ ok: false, error: { code: 'unknownCall', message: 'Unknown call' } });
      for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
      expect(seen).toEqual([]);
    },
  );
});

describe('roles', () => {
  const cases = CALL_NAMES.flatMap((name) => ROLES.map((role) => [name, role] as [CallName, Role]));

  it('covers every call and every role', () => {
    expect(cases).toHaveLength(CALL_NAMES.length * ROLES.length);
    expect(Object.keys(VALID).sort()).toEqual([...CALL_NAMES].sort());
  });

  it.each(cases)('%s as %s', async (name, role) => {
    const { spies, dispatch, seen } = setup();
    const env = await dispatch(name, VALID[name], { actor: { id: 1, role } });
    const allowed = contract[name].roles.includes(role);
    if (allowed) {
      expect(env).toEqual({ ok: true, value: { from: name } });
      expect(spies[name]).toHaveBeenCalledTimes(1);
    } else {
      expect(env.ok).toBe(false);
      expect(!env.ok && env.error.code).toBe('forbidden');
      expect(spies[name]).not.toHaveBeenCalled();
      expect(seen).toEqual([]);
    }
  });

  it('checks the role before validating, so a forbidden caller learns nothing about the input', async () => {
    const { spies, dispatch } = setup();
    const env = await dispatch('setup.complete', { nonsense: true }, { actor: { id: 1, role: 'frontdesk' } });
    expect(!env.ok && env.error.code).toBe('forbidden');
    expect(spies['setup.complete']).not.toHaveBeenCalled();
  });

  it('the treasurer may not read residents', () => {
    expect(contract['residents.search'].roles).not.toContain('treasurer');
    expect(contract['residents.get'].roles).not.toContain('treasurer');
  });

  it('only admins may change the centre settings', () => {
    expect(contract['settings.update'].roles).toEqual(['admin']);
    expect(contract['setup.complete'].roles).toEqual(['admin']);
  });
});

describe('validation', () => {
  it('passes the parsed input (with defaults) and the context to the handler', async () => {
    const { spies, dispatch } = setup();
    const ctx = { actor: { id: 7, role: 'coordinator' as const } };
    await dispatch('residents.search', { q: ' Пётр ', extra: 'stripped' }, ctx);
    expect(spies['residents.search']).toHaveBeenCalledWith({ q: ' Пётр ', limit: 50 }, ctx);
  });

  it('treats a missing input as an empty object', async () => {
    const { spies, dispatch } = setup();
    expect((await dispatch('app.status', undefined, { actor: { id: 1, role: 'admin' } })).ok).toBe(true);
    expect((await dispatch('catalogue.list', null, { actor: { id: 1, role: 'admin' } })).ok).toBe(true);
    expect(spies['catalogue.list']).toHaveBeenCalledWith({ includeArchived: false }, expect.anything());
  });

  it('turns schema failures into validation with i18n keys; foreign messages become validation.invalid', async () => {
    const { spies, dispatch } = setup();
    const env = await dispatch('residents.create', { lastName: '', firstName: 5, phones: 'x' }, { actor: { id: 1, role: 'admin' } });
    expect(env.ok).toBe(false);
    if (env.ok) return;
    expect(env.error.code).toBe('validation');
    expect(env.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'lastName', message: 'validation.required' },
        { path: 'firstName', message: 'validation.required' },
        { path: 'phones', message: 'validation.invalid' },
      ]),
    );
    for (const f of env.error.fields ?? []) expect(f.message).toMatch(/^validation\.[a-zA-Z]+$/);
    expect(spies['residents.create']).not.toHaveBeenCalled();
  });

  it('reports at most 50 field issues', async () => {
    const { dispatch } = setup();
    const env = await dispatch(
      'residents.create',
      { ...residentInput(), phones: Array.from({ length: 500 }, () => 'bad') },
      { actor: { id: 1, role: 'admin' } },
    );
    expect(!env.ok && env.error.fields?.length).toBeLessThanOrEqual(50);
  });
});

describe('events', () => {
  const changing = CALL_NAMES.filter((n) => contract[n].changes.length > 0);
  const reading = CALL_NAMES.filter((n) => contract[n].changes.length === 0);

  it('there are calls of both sorts', () => {
    expect(changing.length).toBeGreaterThan(0);
    expect(reading.length).toBeGreaterThan(0);
  });

  it.each(changing)('%s emits one changed event with its topics', async (name) => {
    const { dispatch, seen } = setup();
    expect((await dispatch(name, VALID[name], { actor: { id: 1, role: 'admin' } })).ok).toBe(true);
    expect(seen).toEqual([{ type: 'changed', topics: [...contract[name].changes] }]);
  });

  it.each(reading)('%s emits nothing', async (name) => {
    const { dispatch, seen } = setup();
    expect((await dispatch(name, VALID[name], { actor: { id: 1, role: 'admin' } })).ok).toBe(true);
    expect(seen).toEqual([]);
  });

  it('a failed change emits nothing', async () => {
    const { spies, dispatch, seen } = setup();
    spies['residents.create'].mockRejectedValueOnce(new AppError('conflict', 'Changed elsewhere'));
    const env = await dispatch('residents.create', VALID['residents.create'], { actor: { id: 1, role: 'admin' } });
    expect(env).toEqual({ ok: false, error: { code: 'conflict', message: 'Changed elsewhere' } });
    expect(seen).toEqual([]);
    expect((await dispatch('residents.create', { lastName: '' }, { actor: { id: 1, role: 'admin' } })).ok).toBe(false);
    expect(seen).toEqual([]);
  });

  it('a throwing listener does not break the call', async () => {
    const events = createEvents();
    events.subscribe(() => {
      throw new Error('listener broke');
    });
    const { handlers } = spyHandlers();
    const d = createDispatch(handlers, events, recordingLogger().logger);
    expect((await d('residents.create', VALID['residents.create'], { actor: { id: 1, role: 'admin' } })).ok).toBe(true);
  });
});

describe('failures inside handlers', () => {
  it('passes an AppError through with its code, fields and details', async () => {
    const { spies, dispatch } = setup();
    spies['requests.setStatus'].mockRejectedValueOnce(
      new AppError('invalidTransition', 'no', { details: { from: 'done', to: 'planned' }, fields: [{ path: 'status', message: 'validation.invalid' }] }),
    );
    const env = await dispatch('requests.setStatus', VALID['requests.setStatus'], { actor: { id: 1, role: 'admin' } });
    expect(env).toEqual({
      ok: false,
      error: { code: 'invalidTransition', message: 'no', fields: [{ path: 'status', message: 'validation.invalid' }], details: { from: 'done', to: 'planned' } },
    });
  });

  it.each([
    ['an Error', () => new Error('SQLITE_CONSTRAINT at /home/olga/secret/hearth.sqlite: residents.last_name')],
    ['a TypeError', () => new TypeError("Cannot read properties of undefined (reading 'secret')")],
    ['a string', () => 'secret string thrown'],
    ['null', () => null],
    ['an object', () => ({ secret: 'object thrown' })],
  ])('turns %s into internal without leaking it', async (_label, make) => {
    const { spies, dispatch, lines, seen } = setup();
    spies['residents.create'].mockImplementationOnce(async () => {
      throw make();
    });
    const env = await dispatch('residents.create', VALID['residents.create'], { actor: { id: 1, role: 'admin' } });
    expect(env).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
    expect(JSON.stringify(env)).not.toMatch(/secret|SQLITE|home/i);
    expect(lines.filter((l) => l.level === 'error')).toHaveLength(1);
    expect(seen).toEqual([]);
  });

  it('turns a synchronous throw into internal too', async () => {
    const { spies, dispatch } = setup();
    spies['app.status'].mockImplementationOnce(() => {
      throw new Error('sync secret');
    });
    const env = await dispatch('app.status', {}, { actor: { id: 1, role: 'admin' } });
    expect(env).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
  });

  it('turns a full disk into storageFull', async () => {
    const { spies, dispatch } = setup();
    spies['residents.create'].mockRejectedValueOnce(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    const env = await dispatch('residents.create', VALID['residents.create'], { actor: { id: 1, role: 'admin' } });
    expect(!env.ok && env.error.code).toBe('storageFull');
  });

  it('answers null for a handler that returns nothing', async () => {
    const { spies, dispatch } = setup();
    spies['catalogue.delete'].mockResolvedValueOnce(undefined);
    expect(await dispatch('catalogue.delete', { id: 1 }, { actor: { id: 1, role: 'admin' } })).toEqual({ ok: true, value: null });
  });
});

describe('with the real core', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore();
  });
  afterEach(async () => {
    await t.close();
  });

  it('a forbidden caller changes nothing', async () => {
    const before = t.dump();
    const seen: CoreEvent[] = [];
    t.events.subscribe((e) => seen.push(e));
    for (const name of CALL_NAMES) {
      for (const role of ROLES) {
        if (contract[name].roles.includes(role)) continue;
        const env = await t.raw(name, VALID[name], { id: 1, role });
        expect(!env.ok && env.error.code, `${name} as ${role}`).toBe('forbidden');
      }
    }
    expect(t.dump()).toEqual(before);
    expect(seen).toEqual([]);
  });

  it('a write emits its topics and a read emits none', async () => {
    const seen: CoreEvent[] = [];
    t.events.subscribe((e) => seen.push(e));
    await t.value('residents.search', { q: '' });
    expect(seen).toEqual([]);
    await t.value('residents.create', residentInput());
    expect(seen).toEqual([{ type: 'changed', topics: ['residents'] }]);
  });
});
