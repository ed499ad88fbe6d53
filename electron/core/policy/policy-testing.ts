/**
 * Helpers of the policy tests: a demo centre; for every call and every role that may use it, an
 * input that succeeds on that centre (its target found in, or made fresh on, the demo database);
 * the few errors that are expected on purpose; and the checks of an answer (its outcome, its
 * declared schema, every classified key of a legacy answer).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { CALL_NAMES, contract, type CallInput, type CallName } from '../../../shared/api/contract';
import type { Envelope, ErrorCode } from '../../../shared/api/errors';
import { groupsAt, viewSchema, type Group } from '../../../shared/api/fields';
import type { Role } from '../../../shared/api/roles';
import { fixedClock } from '../clock';
import { BUILT_IN_ADMIN, type Actor, type Caller } from '../context';
import { startCore } from '../start';
import { kindInput, requestInput, residentInput, validInputs } from '../testing/builders';
import { TEST_HASHING } from '../testing/test-core';
import { grantInput, leaseInput } from '../features/grants/grants.builders';
import { planInput } from '../features/plans/plans.builders';
import { taskInput } from '../features/tasks/tasks.builders';
import { volunteerInput } from '../features/volunteers/volunteers.builders';
import type { Household } from '../../../shared/domain/households';
import type { Case } from '../../../shared/domain/cases';
import type { Project } from '../../../shared/domain/projects';
import type { Event } from '../../../shared/domain/events';
import { eventInput } from '../features/events/events.builders';
import { projectInput } from '../features/projects/projects.builders';
import { shelterInput } from '../features/shelter/shelter.builders';

export const DEMO_NOW = '2026-11-23T09:00:00.000Z';
const TODAY = DEMO_NOW.slice(0, 10);
export const DEMO_SETUP = { centreName: 'Центр поддержки жителей Сылвы', country: 'RU', currency: 'RUB', language: 'ru', demo: true } as const;

/** The demo centre in a temporary data folder (so that backups and exports work too). */
export async function demoCore() {
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-policy-'));
  const clock = fixedClock(DEMO_NOW);
  // Cheap hashes: the auth and users calls set and check passwords for every role.
  const started = await startCore({ dataDir: dir, clock, hashing: TEST_HASHING });
  const core = {
    ...started,
    clock,
    close: async () => {
      await started.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const answer = await core.dispatch('setup.complete', DEMO_SETUP, { actor: BUILT_IN_ADMIN });
  if (!answer.ok) throw new Error(`demo set-up failed: ${JSON.stringify(answer)}`);
  return core;
}

export type DemoCore = Awaited<ReturnType<typeof demoCore>>;

/** Trusted in-process callers acting in each role (as the tests of every role do). */
export const ACTORS: Record<Role, Actor> = {
  frontdesk: { id: 1, role: 'frontdesk' },
  coordinator: { id: 1, role: 'coordinator' },
  treasurer: { id: 1, role: 'treasurer' },
  admin: { id: 1, role: 'admin' },
};

/**
 * The errors an allowed role gets on purpose on the demo centre, with the reason. Every other
 * allowed call must answer ok: a missing or wrong demo input is fixed in `demoInputs`, not here.
 */
export const EXPECTED_ERRORS: { readonly [K in CallName]?: { code: ErrorCode; reason: string } } = {
  'setup.complete': { code: 'alreadySetUp', reason: 'the demo centre is set up: the first-run set-up runs once, on an empty database' },
  'backups.restore': { code: 'notFound', reason: 'restoring swaps the database under the core, which only a host can do (app-host.test.ts restores)' },
  'auth.claimAdmin': { code: 'alreadySetUp', reason: 'the admin has a password: claiming is only for a database from before sign-in existed' },
  'import.rejectedSheet': { code: 'notFound', reason: 'the demo centre has no import report: reads run before import.run (import.test.ts exports one)' },
};

/** What a call as a role must answer on the demo centre: ok, a declared error, or a refusal. */
export function expectedOutcome(name: CallName, role: Role): 'ok' | ErrorCode {
  if (!contract[name].roles.includes(role)) return 'forbidden';
  return EXPECTED_ERRORS[name]?.code ?? 'ok';
}

/** Calls that would replace or wipe the database under the test (run last, if at all). */
const DESTRUCTIVE = new Set<string>(['backups.restore', 'setup.complete']);

/**
 * Every call of the contract in an order that reads before it writes (reads first, then changes,
 * then the destructive ones), so that the reads see the untouched demo centre.
 */
export function callOrder(): CallName[] {
  const reads = CALL_NAMES.filter((n) => contract[n].changes.length === 0 && !DESTRUCTIVE.has(n));
  const writes = CALL_NAMES.filter((n) => contract[n].changes.length > 0 && !DESTRUCTIVE.has(n));
  return [...reads, ...writes, ...CALL_NAMES.filter((n) => DESTRUCTIVE.has(n))];
}

/** A call ready to dispatch: its input and who calls. */
export interface Planned {
  input: unknown;
  caller: Caller;
}

/** The same input shape for every role: each role's call gets its own fresh target. */
type InputPlan = { [K in CallName]?: () => CallInput<K> | Promise<CallInput<K>> };
type SessionState = 'signedOut' | 'active' | 'locked';
type SessionPlan = { [K in CallName]?: { state: SessionState; input: (password: string, role: Role) => CallInput<K> } };

/** The password every role's user gets before an auth call (an admin and a treasurer need 10+ characters). */
const PASSWORD = 'matrix-password-1';

/**
 * For a call and a role that may use it, an input that succeeds on the demo centre. A call that
 * changes its target gets a fresh one for each role, made through the contract as the admin just
 * before (a task to complete, an entry to reverse, a kind to delete…), or the next one the demo
 * database still has (an unsettled advance, an unpaid rent charge); calls whose input does not
 * depend on the demo's rows keep the builders' input. The auth calls run in a session of the
 * role's user (in-process callers have none).
 */
export function demoInputs(core: DemoCore): (name: CallName, role: Role) => Promise<Planned> {
  const valid = validInputs() as Record<CallName, unknown>;
  const db = core.sqlite;
  let counter = 0;
  const unique = (name: string) => `${name} ${++counter}`;

  /** The first id a query finds in the demo database; throws when there is none. */
  const find = (query: string, ...params: unknown[]): number => {
    const id = db.prepare(query).pluck().get(...params);
    if (typeof id !== 'number') throw new Error(`the demo centre has no row for: ${query}`);
    return id;
  };
  const lastId = (table: string) => find(`select max(id) from ${table}`);

  /** Runs a call as the admin to make a target; throws when it fails. */
  async function make<K extends CallName>(name: K, input: CallInput<K>): Promise<unknown> {
    const env = await core.dispatch(name, input, { actor: BUILT_IN_ADMIN });
    if (!env.ok) throw new Error(`preparing with ${name} failed: ${JSON.stringify(env.error)}`);
    return env.value;
  }

  /** Rows of the demo centre that a call may use (not left, not archived, not deleted). */
  const demo = {
    resident: () => find('select id from residents where left_on is null and erased_at is null order by id limit 1'),
    kind: () => find("select id from service_kinds where archived_at is null and mode = 'volunteer' order by id limit 1"),
    volunteer: () => find("select id from volunteers where deleted_at is null and status = 'active' order by id limit 1"),
    account: (skip = 0) => find('select id from cash_accounts where archived_at is null and currency = ? order by id limit 1 offset ?', DEMO_SETUP.currency, skip),
    grant: () => find('select id from grants order by id limit 1'),
    unpaidCharge: async () => {
      const query = 'select id from rent_charges where entry_id is null and amount_minor > 0 order by id limit 1';
      if (db.prepare(query).get() === undefined) await make('rent.createLease', leaseInput());
      return find(query);
    },
  };

  /** Fresh targets, made through the contract as the admin. */
  const fresh = {
    resident: async (overrides: Parameters<typeof residentInput>[0] = {}) => {
      await make('residents.create', residentInput(overrides));
      return lastId('residents');
    },
    kind: async () => {
      await make('catalogue.create', kindInput({ name: unique('Ремонт велосипедов') }));
      return lastId('service_kinds');
    },
    request: async () => {
      await make('requests.create', requestInput({ residentId: demo.resident(), kindId: demo.kind() }));
      return lastId('requests');
    },
    task: async (volunteerIds: number[] = []) => {
      await make('tasks.create', taskInput({ residentId: demo.resident(), kindId: demo.kind(), scheduledOn: TODAY, volunteerIds }));
      return lastId('tasks');
    },
    plan: async () => {
      await make('plans.create', planInput({ residentId: demo.resident(), kindId: demo.kind() }));
      return lastId('help_plans');
    },
    volunteer: async () => {
      await make('volunteers.create', volunteerInput());
      return lastId('volunteers');
    },
    skill: async () => {
      await make('skills.create', { name: unique('Колет дрова') });
      return lastId('skills');
    },
    account: async () => {
      await make('accounts.create', { name: unique('Касса'), kind: 'cash', currency: DEMO_SETUP.currency, openingBalanceMinor: 0, openingDate: '2026-11-01' });
      return lastId('cash_accounts');
    },
    category: async () => {
      await make('cashbook.createCategory', { name: unique('Праздники'), direction: 'expense' });
      return lastId('cash_categories');
    },
    entry: async () => {
      await make('cashbook.post', { ...cashbookPost(), accountId: demo.account() });
      return lastId('cash_entries');
    },
    sale: async () => {
      await make('till.sell', valid['till.sell'] as CallInput<'till.sell'>);
      return lastId('sales');
    },
    grant: async () => {
      await make('grants.create', { grant: grantInput({ title: unique('Тёплый дом') }), lines: [] });
      return lastId('grants');
    },
    line: async () => {
      await make('grants.addLine', { grantId: demo.grant(), line: { name: unique('Транспорт'), plannedMinor: 1_000_000 } });
      return lastId('budget_lines');
    },
    tranche: async () => {
      await make('grants.addTranche', { grantId: demo.grant(), expectedOn: '2026-12-01', amountMinor: 1_000_000, note: '' });
      return lastId('grant_tranches');
    },
    inKind: async () => {
      await make('inKind.create', valid['inKind.create'] as CallInput<'inKind.create'>);
      return lastId('in_kind');
    },
    /** A household of a fresh resident (the head), a fresh resident as the spouse and an unnamed child. */
    household: async (): Promise<{ id: number; spouse: number; child: number }> => {
      const headResidentId = await fresh.resident();
      const spouse = await fresh.resident({ firstName: 'Мария' });
      const h = (await make('households.create', {
        headResidentId,
        members: [
          { residentId: spouse, relation: 'spouse' },
          { relation: 'child', birthYear: 2019 },
        ],
      })) as Household;
      const memberId = (pick: (m: Household['members'][number]) => boolean) => h.members.find(pick)?.id ?? 0;
      return { id: h.id, spouse: memberId((m) => m.residentId === spouse), child: memberId((m) => m.relation === 'child') };
    },
    /** An assessment (without content) of a fresh resident. */
    assessment: async () => ((await make('assessments.record', { residentId: await fresh.resident(), kindId: 1, assessedOn: TODAY, workerId: 1 })) as { id: number }).id,
    /** A need area of the centre's own. */
    assessmentOption: async () => ((await make('assessments.addOption', { list: 'area', name: unique('Транспорт') })) as { id: number }).id,
    /** A fresh resident with a consent covering health (case content needs it). */
    consented: async () => {
      const residentId = await fresh.resident();
      await make('privacy.recordConsent', { residentId, basis: 'consent', scopes: ['basic', 'health'], givenOn: TODAY });
      return residentId;
    },
    /** An open case of a fresh resident (with consent), opened today, with one action. */
    case: async (): Promise<{ id: number; actionId: number }> => {
      const c = (await make('cases.open', { residentId: await fresh.consented() })) as Case;
      const withAction = (await make('cases.addAction', { id: c.id, text: 'Справки о доходах', dueOn: TODAY, responsibleText: 'житель' })) as Case;
      return { id: c.id, actionId: withAction.actions[0]?.id ?? 0 };
    },
    /** A project (2026) with a course and a fresh resident recruited on 2026-03-01. */
    project: async (): Promise<{ id: number; activityId: number; participantId: number }> => {
      const created = (await make('projects.create', projectInput({ name: unique('Aktywna integracja') }))) as Project;
      const withActivity = (await make('projects.addActivity', { id: created.id, activity: { kind: 'course', name: 'ECDL Base' } })) as Project;
      const p = (await make('projects.enrol', { id: created.id, residentId: await fresh.resident(), recruitedOn: '2026-03-01' })) as Project;
      return { id: p.id, activityId: withActivity.activities[0]?.id ?? 0, participantId: p.participants[0]?.id ?? 0 };
    },
    /** A master class today (capacity 12) with a fresh resident registered and a volunteer free to organise. */
    event: async (): Promise<{ id: number; attendanceId: number }> => {
      const e = (await make('events.create', eventInput({ title: unique('Мастер-класс') }))) as Event;
      const withOne = (await make('events.register', { id: e.id, residentId: await fresh.resident() })) as Event;
      return { id: e.id, attendanceId: withOne.attendees[0]?.id ?? 0 };
    },
    /** A shelter of 12 places of its own. */
    shelter: async () => ((await make('shelter.addShelter', shelterInput({ name: unique('Притулок') }))) as { id: number }).id,
    /** A fresh resident's open stay in a fresh shelter, checked in on 2026-03-01. */
    stay: async () => {
      const shelterId = await fresh.shelter();
      const stays = (await make('shelter.checkIn', { shelterId, residentId: await fresh.resident(), on: '2026-03-01' })) as Array<{ id: number }>;
      return stays[0]?.id ?? 0;
    },
    /** An aid item of its own (a fresh name), empty. */
    aidItem: async () => ((await make('aid.addItem', { name: unique('Παιδικά παπούτσια'), size: '31', unit: 'pair' })) as { id: number }).id,
    consent: async () => {
      await make('privacy.recordConsent', { residentId: demo.resident(), basis: 'consent', scopes: ['basic'], givenOn: TODAY });
      return lastId('resident_consents');
    },
  };
  const cashbookPost = () => valid['cashbook.post'] as CallInput<'cashbook.post'>;
  const { lastName, firstName, patronymic } = residentInput();

  const inputs: InputPlan = {
    // Reads (a backup to preview is made first)
    'backups.preview': async () => ({ id: ((await make('backups.create', {})) as { id: string }).id }),

    // The catalogue, residents and requests
    'catalogue.update': async () => ({ id: await fresh.kind(), name: unique('Ремонт крыш'), isPaid: true, mode: 'desk' }),
    'catalogue.setArchived': async () => ({ id: await fresh.kind(), archived: true }),
    'catalogue.delete': async () => ({ id: await fresh.kind() }),
    'requests.create': () => requestInput({ residentId: demo.resident(), kindId: demo.kind() }),
    'requests.update': async () => ({ id: await fresh.request(), data: requestInput({ residentId: demo.resident(), kindId: demo.kind(), urgency: 'urgent' }) }),
    'requests.setStatus': async () => ({ id: await fresh.request(), status: 'planned' }),
    'residents.markLeft': async () => ({ id: await fresh.resident(), reason: 'moved', on: TODAY }),

    // Volunteers, skills, tasks and plans
    'volunteers.delete': async () => ({ id: await fresh.volunteer() }),
    // Two fresh records of one volunteer merged (issue 15).
    'volunteers.merge': async () => ({ survivorId: await fresh.volunteer(), otherId: await fresh.volunteer(), fields: {} }),
    'skills.create': () => ({ name: unique('Колет дрова') }),
    'skills.update': async () => ({ id: await fresh.skill(), name: unique('Пилит дрова') }),
    'skills.setArchived': async () => ({ id: await fresh.skill(), archived: true }),
    'tasks.create': () => taskInput({ residentId: demo.resident(), kindId: demo.kind(), scheduledOn: TODAY }),
    'tasks.update': async () => ({
      id: await fresh.task(),
      data: { ...taskInput({ partOfDay: 'afternoon', volunteerIds: [demo.volunteer()] }), residentId: demo.resident(), kindId: demo.kind(), scheduledOn: TODAY },
    }),
    'tasks.assign': async () => ({ id: await fresh.task(), volunteerIds: [demo.volunteer()] }),
    'tasks.complete': async () => {
      const volunteerId = demo.volunteer();
      return { id: await fresh.task([volunteerId]), outcome: { doneOn: TODAY, minutes: [{ volunteerId, minutes: 60 }], note: 'Сделано', advances: [] } };
    },
    'tasks.notDone': async () => ({ id: await fresh.task(), reason: 'Никого не было дома' }),
    'tasks.cancel': async () => ({ id: await fresh.task(), reason: 'Родственники приехали' }),
    'tasks.reopen': async () => {
      const id = await fresh.task();
      await make('tasks.cancel', { id, reason: 'Перенесли' });
      return { id };
    },
    'plans.update': async () => ({ id: await fresh.plan(), data: planInput({ residentId: demo.resident(), kindId: demo.kind(), weekday: 4 }) }),
    'plans.end': async () => ({ id: await fresh.plan(), reason: 'noLongerNeeded' }),

    // Money
    'accounts.update': async () => ({ id: await fresh.account(), data: { name: unique('Касса'), kind: 'cash', currency: DEMO_SETUP.currency, openingBalanceMinor: 0, openingDate: '2026-11-01' } }),
    'accounts.setArchived': async () => ({ id: await fresh.account(), archived: true }),
    'cashbook.createCategory': () => ({ name: unique('Праздники'), direction: 'expense' }),
    'cashbook.renameCategory': async () => ({ id: await fresh.category(), name: unique('Праздники и подарки') }),
    'cashbook.setCategoryArchived': async () => ({ id: await fresh.category(), archived: true }),
    'cashbook.post': () => ({ ...cashbookPost(), accountId: demo.account() }),
    'cashbook.transfer': () => ({ date: TODAY, fromAccountId: demo.account(), toAccountId: demo.account(1), amountMinor: 500_000 }),
    'cashbook.reverse': async () => ({ id: await fresh.entry(), note: 'Ошибка суммы' }),
    'cashbook.settleAdvance': () => ({ id: find('select id from volunteer_advances where settled_at is null order by id limit 1'), accountId: demo.account() }),
    'till.reverse': async () => ({ saleId: await fresh.sale() }),
    'grants.removeLine': async () => ({ id: await fresh.line() }),
    'grants.remove': async () => ({ id: await fresh.grant() }),
    'grants.removeTranche': async () => ({ id: await fresh.tranche() }),
    'grants.receiveTranche': async () => ({ id: await fresh.tranche(), accountId: demo.account() }),
    'grants.cancelReceipt': async () => {
      const id = await fresh.tranche();
      await make('grants.receiveTranche', { id, accountId: demo.account() });
      return { id };
    },
    'rent.pay': async () => ({ chargeId: await demo.unpaidCharge(), accountId: demo.account() }),
    'rent.cancelPayment': async () => {
      const chargeId = await demo.unpaidCharge();
      await make('rent.pay', { chargeId, accountId: demo.account() });
      return { chargeId };
    },
    'inKind.update': async () => ({ id: await fresh.inKind(), data: { date: '2026-11-10', kind: 'goods', donor: '', description: 'Мука', valueMinor: 300_000 } }),
    'inKind.remove': async () => ({ id: await fresh.inKind() }),

    // Households
    'households.get': async () => ({ id: (await fresh.household()).id }),
    'households.ofResident': () => ({ residentId: demo.resident() }),
    'households.create': async () => ({
      headResidentId: await fresh.resident(),
      members: [
        { relation: 'child', birthYear: 2019 },
        { relation: 'child', birthYear: 2022 },
      ],
    }),
    'households.addMember': async () => ({ id: (await fresh.household()).id, member: { relation: 'grandparent', birthYear: 1950 } }),
    'households.moveMember': async () => {
      const from = await fresh.household();
      const to = await fresh.household();
      return { id: from.id, memberId: from.child, toHouseholdId: to.id, relation: 'grandchild' };
    },
    'households.split': async () => {
      const h = await fresh.household();
      return { id: h.id, headMemberId: h.spouse, members: [{ memberId: h.child, relation: 'child' }] };
    },
    'households.endMembership': async () => {
      const h = await fresh.household();
      return { id: h.id, memberId: h.child, reason: 'left' };
    },
    'households.update': async () => ({ id: (await fresh.household()).id, address: { settlement: 'Сылва', street: 'Садовая', house: '3', flat: '' } }),
    'households.changeHead': async () => {
      const h = await fresh.household();
      return { id: h.id, headMemberId: h.spouse, relation: 'spouse' };
    },

    // Assessments
    'assessments.get': async () => ({ id: await fresh.assessment() }),
    'assessments.update': async () => ({ id: await fresh.assessment(), kindId: 2, assessedOn: TODAY, workerId: 1 }),
    'assessments.addOption': () => ({ list: 'area', name: unique('Транспорт') }),
    'assessments.renameOption': async () => ({ id: await fresh.assessmentOption(), name: unique('Дорога') }),
    'assessments.setOptionArchived': async () => ({ id: await fresh.assessmentOption(), archived: true }),

    // Cases
    'cases.get': async () => ({ id: (await fresh.case()).id }),
    'cases.ofResident': () => ({ residentId: demo.resident() }),
    'cases.open': async () => ({ residentId: await fresh.consented(), goals: ['Оформить субсидию'] }),
    'cases.updatePlan': async () => ({ id: (await fresh.case()).id, goals: ['Оформить субсидию', 'Устроить ребёнка в детский сад'] }),
    'cases.addAction': async () => ({ id: (await fresh.case()).id, text: 'Заявление в детский сад', dueOn: '2026-12-01', responsibleText: 'семейный помощник' }),
    'cases.completeAction': async () => fresh.case(),
    'cases.logContact': async () => ({ id: (await fresh.case()).id, kind: 'visit', note: 'Посещение на дому' }),
    'cases.review': async () => ({ id: (await fresh.case()).id, note: 'Пересмотр плана', nextReviewOn: '2026-12-23' }),
    'cases.recordAgreement': async () => ({ id: (await fresh.case()).id, signedOn: TODAY, note: 'Договор на полгода' }),
    'cases.close': async () => ({ id: (await fresh.case()).id, outcome: 'goalsMet', confirmOpenActions: true }),

    // Projects: each role's change gets a project of its own.
    'projects.update': async () => ({ id: (await fresh.project()).id, data: projectInput({ name: unique('Aktywna integracja') }) }),
    'projects.addActivity': async () => ({ id: (await fresh.project()).id, activity: { kind: 'internship', name: 'Staż' } }),
    'projects.enrol': async () => ({ id: (await fresh.project()).id, residentId: await fresh.resident(), recruitedOn: '2026-03-02', contractOn: '2026-03-02' }),
    'projects.recordContract': async () => {
      const p = await fresh.project();
      return { id: p.id, participantId: p.participantId, on: '2026-03-03' };
    },
    'projects.recordAttendance': async () => {
      const p = await fresh.project();
      return { id: p.id, participantId: p.participantId, activityId: p.activityId, on: '2026-03-10', sessions: 2, hours: 4 };
    },
    'projects.complete': async () => {
      const p = await fresh.project();
      return { id: p.id, participantId: p.participantId, on: '2026-09-30' };
    },
    'projects.dropOut': async () => {
      const p = await fresh.project();
      return { id: p.id, participantId: p.participantId, on: '2026-06-30', reason: 'Podjął pracę' };
    },

    // Events: each role's change gets an event of its own.
    'events.get': async () => ({ id: (await fresh.event()).id }),
    'events.update': async () => ({ id: (await fresh.event()).id, data: eventInput({ title: unique('Мастер-класс: роспись') }) }),
    'events.register': async () => ({ id: (await fresh.event()).id, residentId: await fresh.resident(), atDoor: true }),
    'events.markAttendance': async () => {
      const e = await fresh.event();
      return { id: e.id, attendanceId: e.attendanceId, status: 'attended' };
    },
    'events.setHeadCounts': async () => ({ id: (await fresh.event()).id, counts: { women: 3, men: 1, girls: 1, boys: 0 } }),
    'events.addOrganiser': async () => ({ id: (await fresh.event()).id, volunteerId: demo.volunteer(), role: 'ведущая', hours: 3 }),
    // The shelter
    'shelter.get': async () => ({ id: await fresh.shelter() }),
    'shelter.updateShelter': async () => ({ id: await fresh.shelter(), ...shelterInput({ name: unique('Гуртожиток'), places: 20 }) }),
    'shelter.checkIn': async () => ({ shelterId: await fresh.shelter(), residentId: await fresh.resident(), bed: 'кімн. 3' }),
    'shelter.checkOut': async () => ({ id: await fresh.stay(), reason: 'relatives', on: '2026-03-10' }),
    // In-kind aid: each call gets an item of its own.
    'aid.addItem': () => ({ name: unique('Παιδικά παπούτσια'), size: '32', unit: 'pair' }),
    'aid.receive': async () => ({ itemId: await fresh.aidItem(), quantity: 20, fromWhom: 'Δήμος Πειραιά', valueMinor: 40_000 }),
    'aid.give': async () => ({ residentId: demo.resident(), lines: [{ itemId: await fresh.aidItem(), quantity: 1 }], confirmBelowZero: true }),
    'aid.giveAtEvent': async () => ({ headCount: 25, lines: [{ itemId: await fresh.aidItem(), quantity: 10 }], confirmBelowZero: true }),
    'aid.adjust': async () => ({ itemId: await fresh.aidItem(), delta: -1, reason: 'spoiled', confirmBelowZero: true }),
    'aid.correct': async () => {
      const received = (await make('aid.receive', { itemId: await fresh.aidItem(), quantity: 5, fromWhom: '' })) as { movementIds: number[] };
      return { movementId: received.movementIds[0] ?? 0, quantity: 3, note: 'Μετρήθηκε ξανά' };
    },
    'aid.movements': async () => ({ itemId: await fresh.aidItem() }),
    // The treasurer takes a fresh receipt with a value into the in-kind ledger.
    'inKind.takeInAid': async () => {
      const received = (await make('aid.receive', { itemId: await fresh.aidItem(), quantity: 20, fromWhom: 'Δήμος Πειραιά', valueMinor: 40_000 })) as { movementIds: number[] };
      return { movementId: received.movementIds[0] ?? 0, grantId: null, description: '' };
    },

    // Privacy
    'privacy.withdrawConsent': async () => ({ consentId: await fresh.consent() }),
    // Two fresh records of one person merged (issue 15).
    'residents.merge': async () => ({ survivorId: await fresh.resident(), otherId: await fresh.resident(), fields: {} }),
    'privacy.erasePerson': async () => ({ residentId: await fresh.resident(), confirmName: `${lastName} ${firstName} ${patronymic}` }),
    'privacy.anonymiseInactive': async () => {
      // A resident registered four years ago with nothing since: past the retention period.
      core.clock.set('2022-11-01T09:00:00.000Z');
      try {
        return { residentIds: [await fresh.resident()] };
      } finally {
        core.clock.set(DEMO_NOW);
      }
    },
  };

  const sessions: SessionPlan = {
    'auth.signIn': { state: 'signedOut', input: (password, role) => ({ userId: userOf(role), password }) },
    'auth.unlock': { state: 'locked', input: (secret) => ({ method: 'password', secret }) },
    'auth.lock': { state: 'active', input: () => ({}) },
    'auth.signOut': { state: 'active', input: () => ({}) },
    'auth.claimAdmin': { state: 'active', input: (password) => ({ password }) },
    'auth.changePassword': { state: 'active', input: (currentPassword) => ({ currentPassword, password: PASSWORD }) },
    'auth.changePin': {
      state: 'active',
      input: (currentPassword, role) => ({ currentPassword, pin: role === 'frontdesk' || role === 'coordinator' ? '4321' : null }),
    },
  };
  const userOf = (role: Role) => find('select id from users where role = ? and active = 1 order by id limit 1', role);

  /** A session of the role's user (with a known password) in the given state. */
  async function sessionOf(role: Role, state: SessionState): Promise<string> {
    const userId = userOf(role);
    await make('users.resetPassword', { id: userId, password: PASSWORD });
    const id = core.sessions.issue();
    if (state !== 'signedOut') core.sessions.signIn(id, userId, core.clock.now().getTime());
    if (state === 'locked') core.sessions.lock(id);
    return id;
  }

  return async (name, role) => {
    const session = sessions[name] as SessionPlan[CallName] | undefined;
    if (session) return { input: session.input(PASSWORD, role), caller: { sessionId: await sessionOf(role, session.state) } };
    const plan = inputs[name] as (() => unknown) | undefined;
    return { input: plan ? await plan() : valid[name], caller: { actor: ACTORS[role] } };
  };
}

/** A call as a role that may not use it: the builders' input (it is refused before it is read). */
export function refusedCall(name: CallName, role: Role): Planned {
  builderInputs ??= validInputs();
  return { input: builderInputs[name], caller: { actor: ACTORS[role] } };
}
let builderInputs: Record<CallName, unknown> | undefined;

/** Where an answer differs from the expected outcome (undefined when it does not). */
export function outcomeProblem(name: CallName, role: Role, env: Envelope<unknown>): string | undefined {
  const expected = expectedOutcome(name, role);
  const got = env.ok ? 'ok' : env.error.code;
  if (got === expected) return undefined;
  return `${name} as ${role}: expected ${expected}, got ${got}${env.ok ? '' : `: ${env.error.message} ${JSON.stringify(env.error.fields ?? env.error.details ?? '')}`}`;
}

/**
 * Where an ok answer does not match the strict schema of what the role receives (an undeclared
 * member, a wrong type, a field of a group the role may not have); undefined when it matches.
 */
export function schemaProblem(name: CallName, role: Role, env: Envelope<unknown>): string | undefined {
  if (!env.ok) return undefined;
  const parsed = viewSchema(contract[name].output, role).safeParse(env.value);
  return parsed.success ? undefined : `${name} as ${role}:\n${z.prettifyError(parsed.error)}`;
}

/**
 * Every member of an answer (its path, `advances.0.amountMinor`) with the field groups its call's
 * output declares on the way; undefined for a member the output does not declare.
 */
export function groupedMembers(call: CallName, value: unknown, path: string[] = [], out: Array<[string, Group[] | undefined]> = []) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => groupedMembers(call, v, [...path, String(i)], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const here = [...path, k];
      out.push([here.join('.'), groupsAt(contract[call].output, here)]);
      groupedMembers(call, v, here, out);
    }
  }
  return out;
}
