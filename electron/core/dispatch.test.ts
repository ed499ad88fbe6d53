/**
 * Dispatch, the one entry point of both transports: unknown calls, roles, validation, events and
 * failures with stand-in handlers on a real database (so that its transactions and audit entries
 * are real), then the transaction of a change with the real handlers: the change and its audit
 * entry commit together or not at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, contract, type CallName } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { ROLES, type Role } from '../../shared/api/roles';
import { createDispatch } from './dispatch';
import { createEvents, type CoreEvent } from './events';
import { handlers as realHandlers, type Handlers } from './handlers';
import { recordingLogger } from './testing/recording-logger';
import { fixedClock } from './clock';
import { startCore, type StartedCore } from './start';
import { createTestCore, DEFAULT_NOW, type TestCore } from './testing/test-core';
import { residentInput, validInputs } from './testing/builders';

const VALID = validInputs();
const ADMIN = { actor: { id: 1, role: 'admin' as const } };


describe('with stand-in handlers', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await createTestCore();
  });
  afterAll(async () => {
    await t.close();
  });

  function setup() {
    const spies = Object.fromEntries(CALL_NAMES.map((name) => [name, vi.fn(async () => ({ from: name }))])) as Record<
      CallName,
      ReturnType<typeof vi.fn>
    >;
    const events = createEvents();
    const seen: CoreEvent[] = [];
    events.subscribe((e) => seen.push(e));
    const { lines, logger } = recordingLogger();
    const dispatch = createDispatch({ handlers: spies as unknown as Handlers, events, deps: { ...t.deps, logger } });
    return { spies, dispatch, seen, lines };
  }

  describe('unknown calls', () => {
    it.each(['nope', 'residents.drop', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'residents.search '])(
      '%j → unknownCall, no handler runs',
      async (name) => {
        const { spies, dispatch, seen } = setup();
        const env = await dispatch(name, {}, ADMIN);
        expect(env).toEqual({ ok: false, error: { code: 'unknownCall', message: 'Unknown call' } });
        for (const spy of Object.values(spies)) expect(spy).not.toHaveBeenCalled();
        expect(seen).toEqual([]);
      },
    );
  });

  describe('roles', () => {
    it('the test inputs name exactly the calls of the contract', () => {
      expect(Object.keys(VALID).sort()).toEqual([...CALL_NAMES].sort());
    });

    it.each(CALL_NAMES.flatMap((name) => ROLES.map((role) => [name, role] as [CallName, Role])))('%s as %s', async (name, role) => {
      const { spies, dispatch, seen } = setup();
      const env = await dispatch(name, VALID[name], { actor: { id: 1, role } });
      if (contract[name].roles.includes(role)) {
        expect(env.ok, JSON.stringify(env)).toBe(true);
        expect(spies[name]).toHaveBeenCalledTimes(1);
      } else {
        expect(env).toEqual({ ok: false, error: { code: 'forbidden', message: `Role ${role} may not use ${name}`, details: { role, call: name } } });
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
  });

  describe('validation', () => {
    it('passes the parsed input (with defaults) and the caller to the handler', async () => {
      const { spies, dispatch } = setup();
      const ctx = { actor: { id: 7, role: 'coordinator' as const } };
      await dispatch('residents.search', { q: ' Пётр ', extra: 'stripped' }, ctx);
      expect(spies['residents.search']).toHaveBeenCalledWith({ q: ' Пётр ', limit: 50, offset: 0 }, ctx, expect.objectContaining({ db: t.deps.db }));
    });

    it('gives a change the transaction as its database, and a read the database itself', async () => {
      const { spies, dispatch } = setup();
      await dispatch('residents.create', VALID['residents.create'], ADMIN);
      await dispatch('residents.search', {}, ADMIN);
      const changeDb = (spies['residents.create'].mock.calls[0]?.[2] as { db: { isTransaction: boolean } }).db;
      const readDb = (spies['residents.search'].mock.calls[0]?.[2] as { db: { isTransaction: boolean } }).db;
      expect([changeDb.isTransaction, readDb.isTransaction]).toEqual([true, false]);
    });

    it('treats a missing input as an empty object', async () => {
      const { spies, dispatch } = setup();
      expect((await dispatch('app.status', undefined, ADMIN)).ok).toBe(true);
      expect((await dispatch('catalogue.list', null, ADMIN)).ok).toBe(true);
      expect(spies['catalogue.list']).toHaveBeenCalledWith({ includeArchived: false }, ADMIN, expect.anything());
    });

    it('turns schema failures into validation with i18n keys; foreign messages become validation.invalid', async () => {
      const { spies, dispatch } = setup();
      const env = await dispatch('residents.create', { lastName: '', firstName: 5, phones: 'x' }, ADMIN);
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
      const env = await dispatch('privacy.clearRequestNotes', { requestIds: Array.from({ length: 120 }, () => 'bad') }, ADMIN);
      expect(!env.ok && env.error.fields?.length).toBe(50);
    });

    it.each([
      ['a name', { ...residentInput(), lastName: 'Ива\ud800нов' }, 'lastName'],
      ['a phone in a list', { ...residentInput(), phones: ['+7 912', '555\udc00'] }, 'phones.1'],
      ['an object key', { ...residentInput(), ['x\ud83d']: 1 }, 'x\ud83d'],
    ])('refuses a lone surrogate in %s (it cannot be stored as UTF-8)', async (_label, input, where) => {
      const { spies, dispatch } = setup();
      const env = await dispatch('residents.create', input, ADMIN);
      expect(env).toEqual({ ok: false, error: { code: 'validation', message: 'Invalid input', fields: [{ path: where, message: 'validation.brokenText' }] } });
      expect(spies['residents.create']).not.toHaveBeenCalled();
    });

    it('accepts whole surrogate pairs (emoji, rare CJK) as they are', async () => {
      const { spies, dispatch } = setup();
      expect((await dispatch('residents.create', { ...residentInput(), notes: 'Звонить 🙂 𠀋' }, ADMIN)).ok).toBe(true);
      expect(spies['residents.create']).toHaveBeenCalledTimes(1);
    });
  });

  describe('events', () => {
    const changing = CALL_NAMES.filter((n) => contract[n].changes.length > 0);
    const reading = CALL_NAMES.filter((n) => contract[n].changes.length === 0);

    it.each(changing)('%s emits one changed event with its topics', async (name) => {
      const { dispatch, seen } = setup();
      expect((await dispatch(name, VALID[name], ADMIN)).ok).toBe(true);
      expect(seen).toEqual([{ type: 'changed', topics: [...contract[name].changes] }]);
    });

    it.each(reading)('%s emits nothing', async (name) => {
      const { dispatch, seen } = setup();
      expect((await dispatch(name, VALID[name], ADMIN)).ok).toBe(true);
      expect(seen).toEqual([]);
    });

    it('a failed change emits nothing', async () => {
      const { spies, dispatch, seen } = setup();
      spies['residents.create'].mockRejectedValueOnce(new AppError('conflict', 'Changed elsewhere'));
      const env = await dispatch('residents.create', VALID['residents.create'], ADMIN);
      expect(env).toEqual({ ok: false, error: { code: 'conflict', message: 'Changed elsewhere' } });
      expect(seen).toEqual([]);
      expect((await dispatch('residents.create', { lastName: '' }, ADMIN)).ok).toBe(false);
      expect(seen).toEqual([]);
    });

    it('a throwing listener does not break the call', async () => {
      const events = createEvents();
      events.subscribe(() => {
        throw new Error('listener broke');
      });
      // A member the call's output declares (an answer keeps only those).
      const spies = Object.fromEntries(CALL_NAMES.map((name) => [name, async () => ({ id: 42 })]));
      const d = createDispatch({ handlers: spies as unknown as Handlers, events, deps: t.deps });
      expect(await d('residents.create', VALID['residents.create'], ADMIN)).toEqual({ ok: true, value: { id: 42 } });
    });
  });

  describe('failures inside handlers', () => {
    it('passes an AppError through with its code, fields and details', async () => {
      const { spies, dispatch } = setup();
      spies['requests.setStatus'].mockRejectedValueOnce(
        new AppError('invalidTransition', 'no', { details: { of: 'task', from: 'done', to: 'planned' }, fields: [{ path: 'status', message: 'validation.invalid' }] }),
      );
      const env = await dispatch('requests.setStatus', VALID['requests.setStatus'], ADMIN);
      expect(env).toEqual({
        ok: false,
        error: { code: 'invalidTransition', message: 'no', fields: [{ path: 'status', message: 'validation.invalid' }], details: { of: 'task', from: 'done', to: 'planned' } },
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
      const env = await dispatch('residents.create', VALID['residents.create'], ADMIN);
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
      const env = await dispatch('app.status', {}, ADMIN);
      expect(env).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
    });

    it('answers null for a handler that returns nothing', async () => {
      const { spies, dispatch } = setup();
      spies['catalogue.delete'].mockResolvedValueOnce(undefined);
      expect(await dispatch('catalogue.delete', { id: 1 }, ADMIN)).toEqual({ ok: true, value: null });
    });
  });
});

describe('one transaction per call, with the real core', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await createTestCore();
  });
  afterEach(async () => {
    await t.close();
  });

  const auditRows = () => t.sqlite.prepare('select call, action, entity_id from audit_log order by id').all() as Array<{ call: string; action: string }>;

  it('a forbidden caller changes nothing, and every refusal is audited', async () => {
    const before = t.dump();
    const seen: CoreEvent[] = [];
    t.events.subscribe((e) => seen.push(e));
    let refused = 0;
    for (const name of CALL_NAMES) {
      for (const role of ROLES) {
        if (contract[name].roles.includes(role)) continue;
        const env = await t.raw(name, VALID[name], { id: 1, role });
        expect(!env.ok && env.error.code, `${name} as ${role}`).toBe('forbidden');
        refused += 1;
      }
    }
    expect(t.dump()).toEqual(before);
    expect(seen).toEqual([]);
    expect(auditRows().filter((r) => r.action === 'denied')).toHaveLength(refused);
  });

  it('a change and its audit entry are saved together', async () => {
    const r = await t.value('residents.create', residentInput());
    expect(auditRows()).toEqual([{ call: 'residents.create', action: 'change', entity_id: String(r.id) }]);
  });

  it('when the audit entry cannot be written, the change is not saved either', async () => {
    t.sqlite.exec("create trigger no_audit before insert on audit_log begin select raise(abort, 'audit log unavailable'); end");
    const before = t.dump();
    const env = await t.call('residents.create', residentInput());
    expect(env).toEqual({ ok: false, error: { code: 'internal', message: 'Internal error' } });
    expect(t.dump()).toEqual(before);
    t.sqlite.exec('drop trigger no_audit');
  });

  it('a view that cannot be logged is refused (fails closed)', async () => {
    const r = await t.value('residents.create', residentInput());
    t.sqlite.exec("create trigger no_audit before insert on audit_log begin select raise(abort, 'audit log unavailable'); end");
    expect((await t.call('residents.get', { id: r.id })).ok).toBe(false);
    t.sqlite.exec('drop trigger no_audit');
  });

  it('a handler that fails after writing leaves nothing behind', async () => {
    const failing: Handlers = {
      ...realHandlers,
      'residents.create': async (input, ctx, deps) => {
        await realHandlers['residents.create'](input, ctx, deps);
        throw new AppError('conflict', 'changed elsewhere');
      },
    };
    const d = createDispatch({ handlers: failing, events: createEvents(), deps: t.deps });
    const before = t.dump();
    expect((await d('residents.create', residentInput(), ADMIN)).ok).toBe(false);
    expect(t.dump()).toEqual(before);
    expect(auditRows()).toEqual([]);
  });

  it('the changed fields come from the declared read before and after, inside the transaction', async () => {
    const r = await t.value('residents.create', residentInput({ birthYear: 1948 }));
    await t.value('residents.update', { id: r.id, data: residentInput({ birthYear: 1949 }) });
    const row = t.sqlite.prepare("select details from audit_log where call = 'residents.update'").get() as { details: string };
    expect(JSON.parse(row.details)).toEqual({ fields: [{ field: 'resident.birthYear', changed: true }] });
  });

  it('every declared entity read names a read call that takes the id', () => {
    for (const name of CALL_NAMES) {
      const entity = contract[name].entity;
      if (entity === null) continue;
      expect(CALL_NAMES, name).toContain(entity.read);
      const read = contract[entity.read as CallName];
      expect([read.changes, read.input.safeParse({ id: 1 }).success], name).toEqual([[], true]);
    }
  });

  it('a write emits its topics only after it is saved, and a read emits none', async () => {
    const seen: Array<{ event: CoreEvent; residents: number }> = [];
    t.events.subscribe((event) => seen.push({ event, residents: Number(t.sqlite.prepare('select count(*) from residents').pluck().get()) }));
    await t.value('residents.search', { q: '' });
    expect(seen).toEqual([]);
    await t.value('residents.create', residentInput());
    expect(seen).toEqual([{ event: { type: 'changed', topics: ['residents'] }, residents: 1 }]);
  });
});

describe('a full disk', () => {
  let dir: string;
  let core: StartedCore;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'hearth-full-'));
    core = await startCore({ dataDir: dir, clock: fixedClock(DEFAULT_NOW) });
  });
  afterEach(async () => {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers storageFull (not internal), saves nothing half, and keeps reading', async () => {
    const first = await core.dispatch('residents.create', residentInput(), ADMIN);
    expect(first.ok).toBe(true);
    // SQLite's own size limit fails a write exactly as a full disk does (SQLITE_FULL).
    core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const pages = Number(core.sqlite.pragma('page_count', { simple: true }));
    core.sqlite.pragma(`max_page_count = ${pages}`);
    const big = residentInput({ lastName: 'Петрова', notes: 'x'.repeat(3000) });
    const results = [];
    for (let i = 0; i < 40; i += 1) results.push(await core.dispatch('residents.create', { ...big, firstName: `Анна${i}` }, ADMIN));
    const full = results.filter((r) => !r.ok);
    expect(full.length).toBeGreaterThan(0);
    for (const r of full) expect(r).toEqual({ ok: false, error: { code: 'storageFull', message: 'The disk is full' } });
    const saved = results.filter((r) => r.ok).length;
    const residents = Number(core.sqlite.prepare('select count(*) from residents').pluck().get());
    const audited = Number(core.sqlite.prepare("select count(*) from audit_log where call = 'residents.create'").pluck().get());
    expect([residents, audited]).toEqual([1 + saved, 1 + saved]);
    const search = await core.dispatch('residents.search', { q: 'иванов' }, ADMIN);
    expect(search.ok).toBe(true);
  });
});
