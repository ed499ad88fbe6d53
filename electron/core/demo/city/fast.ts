/**
 * Fast paths for the calls the city makes by the hundred thousand: logging a request, moving its
 * status, planning a task and recording its outcome. Each writes exactly what its service writes,
 * with the same repo functions and the same rules (the status flow, the request following its
 * tasks through `syncRequestStatus`), but skips the reads that only build the call's answer (the
 * service's closing `get`, dispatch's entity reads before and after); the audit entry's changed
 * fields come from the same `diffFields`, on snapshots holding only the fields the call can change,
 * read before the change.
 *
 * Arrays of the real answer (the history, the volunteers, the advances) stand in the snapshots as
 * tokens that differ when the array would, so that the entry says "changed" as the app's does.
 *
 * Measured on the 1/10 city (2 busy cores): a task's outcome through its service is 20 SQL
 * statements and 1.3 ms, here 6 to 11; a status change 10, here 4. The checks the services make on
 * their input (the resident exists and has not left, the volunteers exist) are the generator's to
 * keep: with `verifyAfter` (tests) the runner runs the real call first, in a savepoint, and fails
 * when the rows or the audit entry of the fast path differ from it.
 */
import { sql } from 'kysely';
import { AppError } from '../../../../shared/api/errors';
import { canTransition, type RequestStatus } from '../../../../shared/domain/requests';
import { canTaskTransition, openStatusFor, type PartOfDay, type TaskStatus } from '../../../../shared/domain/tasks';
import type { CallName, ParsedInput } from '../../../../shared/api/contract';
import type { Actor, CoreDeps } from '../../context';
import type { Executor } from '../../db/schema';
import { insertHistory, insertRequest, statusOf } from '../../features/requests/requests.repo';
import { insertResident } from '../../features/residents/residents.repo';
import { insertAdvance, insertTask, setMinutesSpent, setTaskStatus, setTaskVolunteers } from '../../features/tasks/tasks.repo';
import { syncRequestStatus } from '../../features/tasks/tasks.service';
import { volunteerWarnings } from '../../features/tasks/suggestions';
import { readSettings } from '../../features/settings/settings.service';
import { categoryIdByCode, postEntry } from '../../features/cashbook/ledger';
import { balanceAt, tillAccount } from '../../features/till/till.repo';
import { setVolunteerStatus } from '../../features/volunteers/volunteers.repo';
import { advanceCategoryCode } from '../../../../shared/domain/cashbook';
import { fullName } from '../../../../shared/domain/residents';

/** What a fast path gives back: the answer's ids (for the generator and the entry), and the snapshots to diff. */
export interface FastResult {
  value: { id: number; residentId?: number; advances?: Array<{ id: number }> };
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

type FastPath<K extends CallName> = (input: ParsedInput<K>, actor: Actor, deps: CoreDeps) => Promise<FastResult>;

/** The rows a call changes, to compare the fast path with the real call (tests). */
type Rows<K extends CallName> = (ex: Executor, input: ParsedInput<K>, value: { id: number }) => Promise<unknown>;

export interface Fast<K extends CallName> {
  run: FastPath<K>;
  rows: Rows<K>;
}

async function requestRows(ex: Executor, id: number): Promise<unknown> {
  return {
    request: await ex.selectFrom('requests').selectAll().where('id', '=', id).execute(),
    history: await ex.selectFrom('request_status_history').selectAll().where('request_id', '=', id).orderBy('id').execute(),
  };
}

async function taskRows(ex: Executor, id: number): Promise<unknown> {
  const task = await ex.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  return {
    task,
    volunteers: await ex.selectFrom('task_volunteers').selectAll().where('task_id', '=', id).orderBy('volunteer_id').execute(),
    advances: await ex.selectFrom('volunteer_advances').selectAll().where('task_id', '=', id).orderBy('id').execute(),
    request: task?.request_id ? await requestRows(ex, task.request_id) : null,
  };
}

async function requestOf(ex: Executor, id: number): Promise<{ status: RequestStatus; resident_id: number }> {
  const row = await ex.selectFrom('requests').select(['status', 'resident_id']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('notFound', `Request ${id} not found`);
  return { status: row.status as RequestStatus, resident_id: row.resident_id };
}

/**
 * A task's outcome, as tasks.service closes it (complete, notDone, cancel), with the snapshot of
 * what tasks.get shows of it before and after: status, reason, day, note, volunteers (their
 * minutes and warnings), the request's status and the advances.
 */
async function closeTask(
  deps: CoreDeps,
  actor: Actor,
  id: number,
  to: 'done' | 'notDone' | 'cancelled',
  outcome: { reason: string | null; doneOn: string | null; note?: string; minutes: Array<{ volunteerId: number; minutes: number }>; advances: Array<{ volunteerId: number; amountMinor: number; currency?: string | undefined; note: string }> },
): Promise<FastResult> {
  const ex = deps.db;
  const at = deps.clock.now().toISOString();
  const row = await ex
    .selectFrom('tasks')
    .select(['request_id', 'resident_id', 'scheduled_on', 'part_of_day', 'start_time', 'status', 'note', 'not_done_reason', 'done_on'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('notFound', `Task ${id} not found`);
  const rec = { ...row, status: row.status as TaskStatus, part_of_day: row.part_of_day as PartOfDay | null };
  const task = row;
  if (!canTaskTransition(rec.status, to)) throw new AppError('invalidTransition', `Cannot move task ${id} from ${rec.status} to ${to}`, { details: { of: 'task', from: rec.status, to } });
  const on = await ex.selectFrom('task_volunteers').select(['volunteer_id', 'minutes_spent']).where('task_id', '=', id).orderBy('volunteer_id').execute();
  const advancesBefore = await ex.selectFrom('volunteer_advances').select('id').where('task_id', '=', id).orderBy('id').execute();
  const requestBefore = rec.request_id !== null ? await statusOf(ex, rec.request_id) : null;

  // The writes of tasks.service (complete, or close for notDone and cancelled).
  let note = rec.note;
  const added: number[] = [];
  const newAdvances: Array<{ id: number }> = [];
  if (to === 'done') {
    let currency: string | undefined;
    if (outcome.advances.some((a) => a.currency === undefined)) currency = (await readSettings(ex))?.currency;
    const current = on.map((v) => v.volunteer_id);
    const wanted = [...outcome.minutes.map((m) => m.volunteerId), ...outcome.advances.map((a) => a.volunteerId)];
    for (const v of wanted) if (!current.includes(v) && !added.includes(v)) added.push(v);
    await setTaskVolunteers(ex, id, [...new Set([...current, ...wanted])]);
    for (const m of outcome.minutes) await setMinutesSpent(ex, id, m.volunteerId, m.minutes);
    for (const a of outcome.advances) {
      newAdvances.push({ id: await insertAdvance(ex, { taskId: id, volunteerId: a.volunteerId, amountMinor: a.amountMinor, currency: a.currency ?? currency ?? '', note: a.note }, actor.id, at) });
    }
    note = [rec.note, outcome.note ?? ''].filter((s) => s !== '').join('\n');
    await setTaskStatus(ex, id, { status: 'done', reason: null, doneOn: outcome.doneOn, note }, actor.id, at);
  } else {
    await setTaskStatus(ex, id, { status: to, reason: outcome.reason, doneOn: null }, actor.id, at);
  }
  if (rec.request_id !== null) await syncRequestStatus(ex, rec.request_id, actor.id, at, to === 'done' ? '' : (outcome.reason ?? ''));
  const requestAfter = rec.request_id !== null ? await statusOf(ex, rec.request_id) : null;

  // tasks.get's volunteers differ when one was added, minutes changed, or an open task's warnings went.
  const minutesAfter = new Map(on.map((v) => [v.volunteer_id, v.minutes_spent]));
  for (const m of outcome.minutes) minutesAfter.set(m.volunteerId, m.minutes);
  let volunteersChanged = added.length > 0 || on.some((v) => minutesAfter.get(v.volunteer_id) !== v.minutes_spent);
  if (!volunteersChanged && on.length > 0) {
    const warnings = await volunteerWarnings(
      ex,
      { taskId: id, scheduledOn: rec.scheduled_on, partOfDay: rec.part_of_day, startTime: rec.start_time },
      (await ex.selectFrom('volunteers').select(['id', 'status', 'deleted_at']).where('id', 'in', on.map((v) => v.volunteer_id)).execute()).map((v) => ({
        volunteerId: v.id,
        state: v.deleted_at !== null ? ('deleted' as const) : v.status === 'paused' ? ('paused' as const) : ('active' as const),
      })),
    );
    volunteersChanged = [...warnings.values()].some((w) => w.length > 0);
  }
  const snapshot = (s: { status: TaskStatus; reason: string | null; doneOn: string | null; note: string; volunteers: unknown; requestStatus: RequestStatus | null | undefined; advances: unknown }) => ({ id, ...s });
  return {
    value: { id, residentId: rec.resident_id, advances: newAdvances },
    before: snapshot({ status: rec.status, reason: task.not_done_reason, doneOn: task.done_on, note: rec.note, volunteers: 'before', requestStatus: requestBefore ?? null, advances: `advances:${advancesBefore.length}` }),
    after: snapshot({
      status: to,
      reason: to === 'done' ? null : outcome.reason,
      doneOn: to === 'done' ? outcome.doneOn : null,
      note,
      volunteers: volunteersChanged ? 'after' : 'before',
      requestStatus: requestAfter ?? null,
      advances: `advances:${advancesBefore.length + newAdvances.length}`,
    }),
  };
}

/** The calls with a fast path. */
export type FastCall =
  | 'requests.create'
  | 'requests.setStatus'
  | 'tasks.create'
  | 'tasks.complete'
  | 'tasks.notDone'
  | 'tasks.cancel'
  | 'cashbook.settleAdvance'
  | 'till.cashUp'
  | 'volunteers.setStatus'
  | 'residents.create';

const FAST: { [K in FastCall]: Fast<K> } = {
  'residents.create': {
    // The service reads the new resident back (row, phones, consent) for its answer.
    async run(input, actor, deps) {
      // As residents.service: health needs and the situation "disability" need a consent covering health, which a new resident cannot have yet.
      if ((input.healthNeeds !== undefined && input.healthNeeds !== '') || input.situations.includes('disability')) {
        throw new AppError('validation', 'Health-related needs and disability need a consent that covers health');
      }
      return { value: { id: await insertResident(deps.db, input, actor.id, deps.clock.now().toISOString()) } };
    },
    rows: async (ex, _input, value) => ({
      resident: await ex.selectFrom('residents').selectAll().where('id', '=', value.id).execute(),
      phones: await ex.selectFrom('resident_phones').selectAll().where('resident_id', '=', value.id).orderBy('id').execute(),
      terms: await ex.selectFrom('resident_search_terms').selectAll().where('resident_id', '=', value.id).orderBy('term').execute(),
    }),
  },
  'requests.create': {
    async run(input, actor, deps) {
      const id = await insertRequest(deps.db, input, actor.id, deps.clock.now().toISOString(), deps.clock.today());
      return { value: { id, residentId: input.residentId } };
    },
    rows: (ex, _input, value) => requestRows(ex, value.id),
  },
  'requests.setStatus': {
    async run(input, actor, deps) {
      const at = deps.clock.now().toISOString();
      const { status: from, resident_id } = await requestOf(deps.db, input.id);
      if (!canTransition(from, input.status)) {
        throw new AppError('invalidTransition', `Cannot move a request from ${from} to ${input.status}`, { details: { of: 'request', from, to: input.status } });
      }
      await deps.db.updateTable('requests').set({ status: input.status, updated_at: at, updated_by: actor.id }).where('id', '=', input.id).execute();
      await insertHistory(deps.db, { requestId: input.id, from, to: input.status, note: input.note }, actor.id, at);
      // requests.get's status and history are what change (its history is one more entry).
      return { value: { id: input.id, residentId: resident_id }, before: { id: input.id, status: from, history: 'before' }, after: { id: input.id, status: input.status, history: 'after' } };
    },
    rows: (ex, input) => requestRows(ex, input.id),
  },
  'tasks.create': {
    async run(input, actor, deps) {
      const at = deps.clock.now().toISOString();
      let residentId = input.residentId;
      let kindId = input.kindId;
      if (input.requestId !== null) {
        const request = await deps.db.selectFrom('requests').select(['resident_id', 'kind_id']).where('id', '=', input.requestId).executeTakeFirstOrThrow();
        residentId ??= request.resident_id;
        kindId ??= request.kind_id;
      }
      if (residentId === undefined || kindId === undefined) throw new AppError('validation', 'Invalid input');
      const id = await insertTask(
        deps.db,
        {
          requestId: input.requestId,
          planId: null,
          residentId,
          kindId,
          scheduledOn: input.scheduledOn,
          partOfDay: input.partOfDay,
          startTime: input.startTime,
          estimatedMinutes: input.estimatedMinutes,
          note: input.note,
          batchKey: null,
          status: openStatusFor(input.volunteerIds.length),
        },
        actor.id,
        at,
      );
      await setTaskVolunteers(deps.db, id, input.volunteerIds);
      if (input.requestId !== null) await syncRequestStatus(deps.db, input.requestId, actor.id, at);
      return { value: { id, residentId } };
    },
    rows: (ex, _input, value) => taskRows(ex, value.id),
  },
  'tasks.complete': {
    run: (input, actor, deps) =>
      closeTask(deps, actor, input.id, 'done', {
        reason: null,
        doneOn: input.outcome.doneOn ?? deps.clock.today(),
        note: input.outcome.note,
        minutes: input.outcome.minutes,
        advances: input.outcome.advances,
      }),
    rows: (ex, input) => taskRows(ex, input.id),
  },
  'tasks.notDone': {
    run: (input, actor, deps) => closeTask(deps, actor, input.id, 'notDone', { reason: input.reason === '' ? null : input.reason, doneOn: null, minutes: [], advances: [] }),
    rows: (ex, input) => taskRows(ex, input.id),
  },
  'tasks.cancel': {
    run: (input, actor, deps) => closeTask(deps, actor, input.id, 'cancelled', { reason: input.reason === '' ? null : input.reason, doneOn: null, minutes: [], advances: [] }),
    rows: (ex, input) => taskRows(ex, input.id),
  },
  'cashbook.settleAdvance': {
    // The service finds the advance among all of them (listAdvances): 17–33 ms per call by year six of the city.
    async run(input, actor, deps) {
      const ex = deps.db;
      const a = await ex
        .selectFrom('volunteer_advances')
        .innerJoin('volunteers', 'volunteers.id', 'volunteer_advances.volunteer_id')
        .innerJoin('tasks', 'tasks.id', 'volunteer_advances.task_id')
        .innerJoin('service_kinds', 'service_kinds.id', 'tasks.kind_id')
        .select(['volunteer_advances.amount_minor', 'volunteer_advances.currency', 'volunteer_advances.note', 'volunteer_advances.settled_at', 'volunteers.last_name', 'volunteers.first_name', 'volunteers.patronymic', 'service_kinds.code', 'service_kinds.name'])
        .where('volunteer_advances.id', '=', input.id)
        .executeTakeFirst();
      if (!a) throw new AppError('notFound', `Advance ${input.id} not found`);
      if (a.settled_at !== null) throw new AppError('alreadySettled', `Advance ${input.id} is already settled`);
      const at = deps.clock.now().toISOString();
      const categoryId = input.categoryId ?? (await categoryIdByCode(ex, advanceCategoryCode({ code: a.code, name: a.name })));
      const id = await postEntry(
        ex,
        {
          accountId: input.accountId,
          date: input.date ?? deps.clock.today(),
          amountMinor: -a.amount_minor,
          categoryId,
          source: 'advance',
          counterparty: fullName({ lastName: a.last_name, firstName: a.first_name, patronymic: a.patronymic }),
          note: a.note,
          advanceId: input.id,
        },
        actor,
        at,
      );
      await ex.updateTable('volunteer_advances').set({ settled_at: at }).where('id', '=', input.id).where('settled_at', 'is', null).execute();
      // The answer is the entry, which names no resident: neither does the entry in the log.
      return { value: { id } };
    },
    rows: async (ex, input) => ({
      advance: await ex.selectFrom('volunteer_advances').selectAll().where('id', '=', input.id).execute(),
      entries: await ex.selectFrom('cash_entries').selectAll().where('advance_id', '=', input.id).execute(),
    }),
  },
  'till.cashUp': {
    // The service sums every entry of the cash box up to the day (balanceAt): 12–25 ms by year eight.
    async run(input, actor, deps) {
      const ex = deps.db;
      if (input.day > deps.clock.today()) throw new AppError('validation', 'Invalid input', { fields: [{ path: 'day', message: 'validation.dateInFuture' }] });
      const settings = await readSettings(ex);
      if (!settings) throw new AppError('setupRequired', 'The centre is not set up yet');
      const account = await tillAccount(ex, 'cash', settings.currency);
      if (!account) throw new AppError('noTillAccount', 'No cash account', { details: { payment: 'cash', currency: settings.currency } });
      const expected = await cashBalance(deps, account.id, input.day);
      const row = await ex
        .insertInto('cash_ups')
        .values({
          day: input.day,
          account_id: account.id,
          expected_minor: expected,
          counted_minor: input.countedMinor,
          difference_minor: input.countedMinor - expected,
          currency: account.currency,
          note: input.note,
          created_at: deps.clock.now().toISOString(),
          created_by: actor.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { value: { id: row.id } };
    },
    rows: (ex, _input, value) => ex.selectFrom('cash_ups').selectAll().where('id', '=', value.id).execute(),
  },
  'volunteers.setStatus': {
    // Dispatch reads the volunteer's page (every task they ever had) before and after: 50–80 ms by year eight.
    async run(input, actor, deps) {
      const before = await deps.db.selectFrom('volunteers').select('status').where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!before || !(await setVolunteerStatus(deps.db, input.id, input.status, actor.id, deps.clock.now().toISOString()))) throw new AppError('notFound', `Volunteer ${input.id} not found`);
      // The page's volunteer is the entity; its status is what changes.
      return { value: { id: input.id }, before: { volunteer: { id: input.id, status: before.status } }, after: { volunteer: { id: input.id, status: input.status } } };
    },
    rows: (ex, input) => ex.selectFrom('volunteers').selectAll().where('id', '=', input.id).execute(),
  },
};

/**
 * The balance of a cash account at the end of a day, as balanceAt computes it (the opening
 * balance from its date, plus the account's entries up to the day), kept as a running total per
 * account: the generator never dates an entry after the day it is made, so every entry so far
 * counts; when one does, the full sum is taken.
 */
const running = new WeakMap<object, Map<number, { lastId: number; sum: number }>>();

export async function cashBalance(deps: CoreDeps, accountId: number, day: string): Promise<number> {
  const ex = deps.db;
  const key = deps.sqlite ?? deps;
  let accounts = running.get(key);
  if (accounts === undefined) running.set(key, (accounts = new Map()));
  const known = accounts.get(accountId) ?? { lastId: 0, sum: 0 };
  const fresh = await ex
    .selectFrom('cash_entries')
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.val(0)).as('sum'), eb.fn.max('id').as('last'), eb.fn.max('entry_date').as('latest')])
    .where('account_id', '=', accountId)
    .where('id', '>', known.lastId)
    .executeTakeFirstOrThrow();
  if (fresh.latest !== null && fresh.latest > day) return balanceAt(ex, accountId, day);
  const now = { lastId: fresh.last ?? known.lastId, sum: known.sum + Number(fresh.sum) };
  accounts.set(accountId, now);
  const account = await ex.selectFrom('cash_accounts').select(['opening_balance_minor', 'opening_date']).where('id', '=', accountId).executeTakeFirstOrThrow();
  return (account.opening_date <= day ? account.opening_balance_minor : 0) + now.sum;
}

/** The calls that have a fast path. */
export const FAST_CALLS = Object.keys(FAST) as FastCall[];

export function fastPath<K extends CallName>(name: K): Fast<K> | undefined {
  return (FAST as Partial<Record<CallName, unknown>>)[name] as Fast<K> | undefined;
}

/** A savepoint of the check (tests): the real call runs inside it and is rolled back. */
export async function inCheckpoint<T>(ex: Executor, work: () => Promise<T>): Promise<T> {
  await sql`savepoint city_fast_check`.execute(ex);
  try {
    return await work();
  } finally {
    await sql`rollback to city_fast_check`.execute(ex);
    await sql`release city_fast_check`.execute(ex);
  }
}
