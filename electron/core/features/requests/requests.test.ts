import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { minimalResidentInput, requestInput, residentInput } from '../../testing/builders';
import type { RequestStatus } from '../../../../shared/domain/requests';

let t: TestCore;
let residentId: number;
let firewood: number;
let groceries: number;

beforeEach(async () => {
  t = await createTestCore({ now: '2026-11-16T09:30:00.000Z' });
  residentId = (await t.value('residents.create', residentInput())).id;
  const kinds = await t.value('catalogue.list', {});
  firewood = kinds.find((k) => k.code === 'firewood')?.id ?? -1;
  groceries = kinds.find((k) => k.code === 'groceries')?.id ?? -1;
});
afterEach(async () => {
  await t.close();
});

async function create(overrides: Partial<Parameters<typeof requestInput>[0]> = {}) {
  return t.value('requests.create', requestInput({ residentId, kindId: firewood, ...overrides }));
}

async function move(id: number, status: RequestStatus, note = '') {
  return t.value('requests.setStatus', { id, status, note });
}

function codeOf(envelope: { ok: boolean; error?: { code: string } }): string | undefined {
  return envelope.ok ? undefined : envelope.error?.code;
}

describe('requests.create', () => {
  it('stores the request as new with a first history row', async () => {
    const r = await create({ urgency: 'urgent', channel: 'phone', description: '  Привезти дрова  ' });
    expect(r).toMatchObject({
      residentId,
      residentName: 'Иванов Пётр Сергеевич',
      settlement: 'Сылва',
      kindId: firewood,
      kindCode: 'firewood',
      kindName: null,
      urgency: 'urgent',
      channel: 'phone',
      description: 'Привезти дрова',
      status: 'new',
      createdAt: '2026-11-16T09:30:00.000Z',
      createdOn: '2026-11-16',
      createdBy: 'Administrator',
    });
    expect(r.history).toEqual([
      { id: expect.any(Number), fromStatus: null, toStatus: 'new', note: '', changedAt: '2026-11-16T09:30:00.000Z', changedBy: 'Administrator' },
    ]);
    expect(await t.value('requests.get', { id: r.id })).toEqual(r);
  });

  it('uses the defaults for urgency and channel', async () => {
    const r = await t.value('requests.create', { residentId, kindId: firewood });
    expect(r).toMatchObject({ urgency: 'normal', channel: 'walkIn', description: '' });
  });

  it('rejects an unknown resident at residentId and an unknown kind at kindId, storing nothing', async () => {
    const before = t.dump();
    const noResident = await t.call('requests.create', requestInput({ residentId: 999, kindId: firewood }));
    expect(noResident).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'residentId', message: 'validation.unknownResident' }] } });
    const noKind = await t.call('requests.create', requestInput({ residentId, kindId: 999 }));
    expect(noKind).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'kindId', message: 'validation.unknownKind' }] } });
    expect(t.dump()).toEqual(before);
  });

  it('says validation.required when no kind was chosen', async () => {
    const r = await t.raw('requests.create', { residentId });
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'kindId', message: 'validation.required' }] } });
  });

  it('rejects an archived kind for a new request, but keeps it on an existing one', async () => {
    const existing = await create();
    await t.value('catalogue.setArchived', { id: firewood, archived: true });
    const before = t.dump();
    const r = await t.call('requests.create', requestInput({ residentId, kindId: firewood }));
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'kindId', message: 'validation.archivedKind' }] } });
    expect(t.dump()).toEqual(before);

    const updated = await t.value('requests.update', { id: existing.id, data: requestInput({ residentId, kindId: firewood, description: 'Две машины' }) });
    expect(updated).toMatchObject({ kindId: firewood, description: 'Две машины' });

    const other = await create({ kindId: groceries });
    const moved = await t.call('requests.update', { id: other.id, data: requestInput({ residentId, kindId: firewood }) });
    expect(moved).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'kindId', message: 'validation.archivedKind' }] } });
  });
});

describe('requests.update', () => {
  it('changes kind, urgency, channel and description without touching the status', async () => {
    const r = await create();
    await move(r.id, 'planned');
    t.clock.advance(1000);
    const u = await t.value('requests.update', {
      id: r.id,
      data: { residentId, kindId: groceries, urgency: 'low', channel: 'outreach', description: 'Хлеб' },
    });
    expect(u).toMatchObject({ kindId: groceries, kindCode: 'groceries', urgency: 'low', channel: 'outreach', description: 'Хлеб', status: 'planned' });
    expect(u.createdAt).toBe('2026-11-16T09:30:00.000Z');
    expect(u.history).toHaveLength(2);
  });

  it('answers notFound for an unknown request', async () => {
    const r = await t.call('requests.update', { id: 999, data: requestInput({ residentId, kindId: firewood }) });
    expect(codeOf(r)).toBe('notFound');
    expect(codeOf(await t.call('requests.get', { id: 999 }))).toBe('notFound');
    expect(codeOf(await t.call('requests.setStatus', { id: 999, status: 'done' }))).toBe('notFound');
  });
});

describe('status flow', () => {
  it('goes new → planned → inProgress → done, keeping every step with time, user and note', async () => {
    const r = await create();
    t.clock.advance(60_000);
    await move(r.id, 'planned', 'На четверг');
    t.clock.advance(60_000);
    await move(r.id, 'inProgress');
    t.clock.advance(60_000);
    const done = await move(r.id, 'done', '  Привезли  ');
    expect(done.status).toBe('done');
    expect(done.history.map(({ fromStatus, toStatus, note, changedAt, changedBy }) => ({ fromStatus, toStatus, note, changedAt, changedBy }))).toEqual([
      { fromStatus: null, toStatus: 'new', note: '', changedAt: '2026-11-16T09:30:00.000Z', changedBy: 'Administrator' },
      { fromStatus: 'new', toStatus: 'planned', note: 'На четверг', changedAt: '2026-11-16T09:31:00.000Z', changedBy: 'Administrator' },
      { fromStatus: 'planned', toStatus: 'inProgress', note: '', changedAt: '2026-11-16T09:32:00.000Z', changedBy: 'Administrator' },
      { fromStatus: 'inProgress', toStatus: 'done', note: 'Привезли', changedAt: '2026-11-16T09:33:00.000Z', changedBy: 'Administrator' },
    ]);
    const row = t.sqlite.prepare('select status, updated_at from requests where id = ?').get(r.id);
    expect(row).toEqual({ status: 'done', updated_at: '2026-11-16T09:33:00.000Z' });
  });

  it('records the name of the user who made the change', async () => {
    t.sqlite.prepare("insert into users (id, name, role, created_at) values (2, 'Ольга Петровна', 'frontdesk', '2026-11-16T00:00:00.000Z')").run();
    const r = await create();
    const env = await t.call('requests.setStatus', { id: r.id, status: 'planned' }, { id: 2, role: 'frontdesk' });
    expect(env.ok).toBe(true);
    const detail = await t.value('requests.get', { id: r.id });
    expect(detail.history.map((h) => h.changedBy)).toEqual(['Administrator', 'Ольга Петровна']);
    expect(detail.createdBy).toBe('Administrator');
  });

  it.each(['cancelled', 'referred'] as const)('closes an open request as %s and reopens it', async (closed) => {
    for (const start of ['new', 'planned', 'inProgress'] as const) {
      const r = await create();
      if (start !== 'new') await move(r.id, 'planned');
      if (start === 'inProgress') await move(r.id, 'inProgress');
      expect((await move(r.id, closed, 'Сын приехал')).status).toBe(closed);
      const reopened = await move(r.id, 'new', 'Снова просит');
      expect(reopened.status).toBe('new');
      expect(reopened.history.at(-1)).toMatchObject({ fromStatus: closed, toStatus: 'new', note: 'Снова просит' });
    }
  });

  it('reopens a done request', async () => {
    const r = await create();
    await move(r.id, 'done');
    expect((await move(r.id, 'new')).status).toBe('new');
  });

  it.each([
    [[], 'new'],
    [['done'], 'planned'],
    [['done'], 'inProgress'],
    [['done'], 'cancelled'],
    [['done'], 'done'],
    [['cancelled'], 'referred'],
    [['referred'], 'done'],
    [['cancelled'], 'planned'],
    [['planned', 'inProgress'], 'new'],
  ] as Array<[RequestStatus[], RequestStatus]>)('after %j rejects → %s with invalidTransition and changes nothing', async (path, to) => {
    const r = await create();
    for (const s of path) await move(r.id, s);
    const before = t.dump();
    const env = await t.call('requests.setStatus', { id: r.id, status: to, note: 'нет' });
    expect(env.ok).toBe(false);
    expect(codeOf(env)).toBe('invalidTransition');
    expect(t.dump()).toEqual(before);
  });

  it('rejects a status that does not exist', async () => {
    const r = await create();
    const env = await t.raw('requests.setStatus', { id: r.id, status: 'archived' });
    expect(codeOf(env)).toBe('validation');
  });
});

describe('requests.list', () => {
  let kyn: number;
  let ids: Record<string, number>;

  beforeEach(async () => {
    kyn = (await t.value('residents.create', minimalResidentInput({ settlement: 'Кын' }))).id;
    ids = {};
    t.clock.set('2026-11-10T08:00:00.000Z');
    ids.a = (await create()).id; // Sylva, firewood, 10th
    t.clock.set('2026-11-12T08:00:00.000Z');
    ids.b = (await create({ kindId: groceries })).id; // Sylva, groceries, 12th
    await move(ids.b, 'done');
    t.clock.set('2026-11-14T08:00:00.000Z');
    ids.c = (await create({ residentId: kyn })).id; // Kyn, firewood, 14th
    await move(ids.c, 'planned');
    t.clock.set('2026-11-16T08:00:00.000Z');
    ids.d = (await create({ residentId: kyn, kindId: groceries, urgency: 'urgent' })).id; // Kyn, groceries, 16th
  });

  const list = async (input: Parameters<typeof t.value<'requests.list'>>[1]) => {
    const r = await t.value('requests.list', input);
    return { ids: r.items.map((i) => i.id), total: r.total };
  };

  it('lists everything newest first with the total', async () => {
    expect(await list({})).toEqual({ ids: [ids.d, ids.c, ids.b, ids.a], total: 4 });
  });

  it('filters by statuses', async () => {
    expect(await list({ statuses: ['new'] })).toEqual({ ids: [ids.d, ids.a], total: 2 });
    expect(await list({ statuses: ['planned', 'done'] })).toEqual({ ids: [ids.c, ids.b], total: 2 });
    expect(await list({ statuses: ['cancelled'] })).toEqual({ ids: [], total: 0 });
  });

  it('filters by kind, settlement and resident', async () => {
    expect(await list({ kindId: groceries })).toEqual({ ids: [ids.d, ids.b], total: 2 });
    expect(await list({ settlement: 'Кын' })).toEqual({ ids: [ids.d, ids.c], total: 2 });
    expect(await list({ settlement: '' })).toEqual({ ids: [ids.d, ids.c, ids.b, ids.a], total: 4 });
    expect(await list({ residentId })).toEqual({ ids: [ids.b, ids.a], total: 2 });
  });

  it('filters by an inclusive date range', async () => {
    expect(await list({ from: '2026-11-12', to: '2026-11-14' })).toEqual({ ids: [ids.c, ids.b], total: 2 });
    expect(await list({ from: '2026-11-16' })).toEqual({ ids: [ids.d], total: 1 });
    expect(await list({ to: '2026-11-10' })).toEqual({ ids: [ids.a], total: 1 });
  });

  it('combines filters', async () => {
    expect(await list({ settlement: 'Кын', kindId: firewood, statuses: ['planned'] })).toEqual({ ids: [ids.c], total: 1 });
    expect(await list({ settlement: 'Кын', statuses: ['done'] })).toEqual({ ids: [], total: 0 });
  });

  it('answers at most limit rows; total counts every match', async () => {
    expect(await list({ limit: 2 })).toEqual({ ids: [ids.d, ids.c], total: 4 });
  });

  it('pages with a cursor: each page starts after the last row of the one before, the same day by id, the last one says so', async () => {
    t.clock.set('2026-11-16T09:00:00.000Z');
    const e = (await create()).id;
    const f = (await create({ kindId: groceries })).id;
    await move(f, 'planned');
    const pages: number[][] = [];
    let cursor: { on: string; id: number } | undefined;
    for (;;) {
      const page: Awaited<ReturnType<typeof t.value<'requests.list'>>> = await t.value('requests.list', { limit: 2, ...(cursor ? { cursor } : {}) });
      pages.push(page.items.map((i) => i.id));
      expect(page.total).toBe(6);
      if (page.nextCursor === null) break;
      expect(page.nextCursor).toEqual({ on: page.items[1]?.createdOn, id: page.items[1]?.id });
      cursor = page.nextCursor;
    }
    expect(pages).toEqual([
      [f, e],
      [ids.d, ids.c],
      [ids.b, ids.a],
    ]);
    // Several statuses are merged in the same order; a filter keeps to its rows on every page.
    const open = await t.value('requests.list', { statuses: ['new', 'planned'], limit: 3 });
    expect(open.items.map((i) => i.id)).toEqual([f, e, ids.d]);
    const next = await t.value('requests.list', { statuses: ['new', 'planned'], limit: 3, cursor: open.nextCursor ?? undefined });
    expect({ ids: next.items.map((i) => i.id), next: next.nextCursor }).toEqual({ ids: [ids.c, ids.a], next: null });
    expect((await t.value('requests.list', { settlement: 'Кын', limit: 1, cursor: { on: '2026-11-16', id: Number(ids.d) } })).items.map((i) => i.id)).toEqual([ids.c]);
  });

  it('counts up to 1,000 matches and then says there are more', async () => {
    // 1,000 more requests like the first one, written straight to the table (the count is the point).
    t.sqlite
      .prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < 1000)
         insert into requests (resident_id, kind_id, urgency, channel, description, status, created_at, created_on, created_by, updated_at, updated_by)
         select resident_id, kind_id, urgency, channel, description, status, created_at, '2026-11-01', created_by, updated_at, updated_by from requests, n where requests.id = ?`,
      )
      .run(ids.a);
    const all = await t.value('requests.list', { limit: 1 });
    expect({ total: all.total, capped: all.totalCapped }).toEqual({ total: 1_000, capped: true });
    const fresh = await t.value('requests.list', { from: '2026-11-10', limit: 1 });
    expect({ total: fresh.total, capped: fresh.totalCapped }).toEqual({ total: 4, capped: false });
    const open = await t.value('requests.list', { statuses: ['new', 'planned'], limit: 1 });
    expect({ total: open.total, capped: open.totalCapped }).toEqual({ total: 1_000, capped: true });
  });

  it('rejects a malformed date', async () => {
    const env = await t.raw('requests.list', { from: '16.11.2026' });
    expect(env).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: 'from', message: 'validation.date' }] } });
  });
});

describe('requests.today', () => {
  it('lists what was logged today and open urgent requests from earlier days', async () => {
    t.clock.set('2026-11-13T10:00:00.000Z');
    const oldUrgent = await create({ urgency: 'urgent' });
    const oldUrgentPlanned = await create({ urgency: 'urgent' });
    await move(oldUrgentPlanned.id, 'planned');
    const oldUrgentDone = await create({ urgency: 'urgent' });
    await move(oldUrgentDone.id, 'done');
    const oldUrgentCancelled = await create({ urgency: 'urgent' });
    await move(oldUrgentCancelled.id, 'cancelled');
    const oldNormal = await create();

    t.clock.set('2026-11-16T07:00:00.000Z');
    const todayNormal = await create();
    t.clock.set('2026-11-16T08:00:00.000Z');
    const todayDone = await create({ urgency: 'low' });
    await move(todayDone.id, 'done');

    const queue = await t.value('requests.today', {});
    const queueIds = queue.map((r) => r.id);
    expect(queueIds.sort((a, b) => a - b)).toEqual([oldUrgent.id, oldUrgentPlanned.id, todayNormal.id, todayDone.id].sort((a, b) => a - b));
    expect(queueIds).not.toContain(oldNormal.id);
    expect(queueIds).not.toContain(oldUrgentDone.id);
    expect(queueIds).not.toContain(oldUrgentCancelled.id);

    // The next day, yesterday's normal request drops out; the open urgent ones stay.
    t.clock.set('2026-11-17T08:00:00.000Z');
    const tomorrow = (await t.value('requests.today', {})).map((r) => r.id).sort((a, b) => a - b);
    expect(tomorrow).toEqual([oldUrgent.id, oldUrgentPlanned.id]);
  });

  it('orders the queue newest first', async () => {
    const first = await create();
    t.clock.advance(60_000);
    const second = await create();
    expect((await t.value('requests.today', {})).map((r) => r.id)).toEqual([second.id, first.id]);
  });
});

describe('counts', () => {
  it('counts requests and open requests', async () => {
    const a = await create();
    await create();
    await move(a.id, 'done');
    expect(await t.value('app.counts', {})).toMatchObject({ residents: 1, requests: 2, openRequests: 1 });
  });
});
