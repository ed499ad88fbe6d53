import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallInput, CallName, CallOutput } from '../../../../shared/api/contract';
import type { Envelope } from '../../../../shared/api/errors';
import { fold } from '../../../../shared/domain/text';
import { nationalNumber } from '../../../../shared/domain/phone';
import { confirmsName, dateBefore } from '../../../../shared/domain/privacy';
import { fixedClock } from '../../clock';
import { BUILT_IN_ADMIN, type Actor } from '../../context';
import { startCore, type StartedCore } from '../../start';
import { CallFailed, createTestCore, type TestCore } from '../../testing/test-core';
import { requestInput, residentInput, settingsInput } from '../../testing/builders';
import { volunteerInput } from '../volunteers/volunteers.builders';
import { tasksByKind, volunteerHours, volunteersActive } from '../plans/reports';
import { EXPORT_DIR } from '../../data-folder';

const NOW = '2026-11-16T09:30:00.000Z';
const FRONTDESK: Actor = { id: 1, role: 'frontdesk' };
const COORDINATOR: Actor = { id: 1, role: 'coordinator' };

// Distinctive names, so that a byte search of the file means something.
const LATIN = { lastName: 'Quixwortha', firstName: 'Zebulonia', patronymic: '' };
const CYRILLIC = { lastName: 'Щукарёва', firstName: 'Евлампия', patronymic: 'Феоктистовна' };
const OTHER = { lastName: 'Хвостикова', firstName: 'Олимпиада', patronymic: 'Петровна' };
const PHONE_A = '+7 (912) 555-01-23';
const PHONE_B = '+7 (912) 777-04-56';
const PHONE_OTHER = '+7 (912) 888-09-87';
const VOLUNTEER_PHONE = '+7 (922) 444-66-11';

type Core = Pick<TestCore, 'call' | 'value'> & { core: StartedCore; dir: string | null; clock: ReturnType<typeof fixedClock> };

const open: Core[] = [];
afterEach(async () => {
  for (const c of open.splice(0)) {
    await c.core.close();
    if (c.dir) rmSync(c.dir, { recursive: true, force: true });
  }
});

/** A core on a temp data folder (a real file with WAL), or in memory. */
async function makeCore(onDisk: boolean, now = NOW): Promise<Core> {
  const dir = onDisk ? mkdtempSync(path.join(os.tmpdir(), 'hearth-privacy-')) : null;
  const clock = fixedClock(now);
  const core = await startCore({ dataDir: dir, clock });
  const call = async <K extends CallName>(name: K, input: CallInput<K>, actor: Actor = BUILT_IN_ADMIN) =>
    (await core.dispatch(name, input, { actor })) as Envelope<CallOutput<K>>;
  const value = async <K extends CallName>(name: K, input: CallInput<K>, actor: Actor = BUILT_IN_ADMIN) => {
    const e = await call(name, input, actor);
    if (!e.ok) throw new CallFailed(name, e);
    return e.value;
  };
  const c = { core, dir, clock, call, value } as Core;
  open.push(c);
  return c;
}

function fieldsOf(e: Envelope<unknown>): string[] {
  return e.ok ? [] : (e.error.fields ?? []).map((f) => `${f.path}:${f.message}`);
}

describe('consent gates health-related needs', () => {
  it('refuses them without a health consent, accepts them with one, deletes them on withdrawal', async () => {
    const t = await createTestCore({ now: NOW });
    try {
      const r = await t.value('residents.create', residentInput());
      const data = { ...residentInput(), healthNeeds: 'инсулин, помощь на лестнице' };

      // No consent at all (and none can exist on create).
      expect(fieldsOf(await t.call('residents.create', { ...data, lastName: 'Новый' }))).toEqual(['healthNeeds:validation.healthConsentRequired']);
      expect(fieldsOf(await t.call('residents.update', { id: r.id, data }))).toEqual(['healthNeeds:validation.healthConsentRequired']);

      // A consent for the basic record only does not cover health.
      await t.value('privacy.recordConsent', { residentId: r.id, basis: 'consent', scopes: ['basic'], givenOn: '2026-11-16' }, FRONTDESK);
      expect(fieldsOf(await t.call('residents.update', { id: r.id, data }))).toEqual(['healthNeeds:validation.healthConsentRequired']);

      // Not in the future.
      expect(fieldsOf(await t.call('privacy.recordConsent', { residentId: r.id, basis: 'consent', scopes: ['health'], givenOn: '2026-11-17' }))).toEqual([
        'givenOn:validation.dateInFuture',
      ]);
      // Legitimate interest never covers health (GDPR art. 9).
      expect(fieldsOf(await t.call('privacy.recordConsent', { residentId: r.id, basis: 'legitimateInterest', scopes: ['health'], givenOn: '2026-11-16' }))).toEqual([
        'basis:validation.healthBasis',
      ]);

      const consents = await t.value('privacy.recordConsent', { residentId: r.id, basis: 'consent', scopes: ['basic', 'health'], givenOn: '2026-11-15', note: 'подписано' }, COORDINATOR);
      const health = consents.find((c) => c.scopes.includes('health'));
      expect(health).toMatchObject({ basis: 'consent', givenOn: '2026-11-15', noticeVersion: '1.0', recordedBy: 'Administrator', withdrawnOn: null });
      const saved = await t.value('residents.update', { id: r.id, data });
      expect(saved).toMatchObject({ healthNeeds: 'инсулин, помощь на лестнице', healthConsent: true });
      expect((await t.value('residents.get', { id: r.id })).resident.healthNeeds).toBe('инсулин, помощь на лестнице');

      // Leaving the field out of an update keeps it (a form that never showed it cannot clear it).
      const { healthNeeds: _omitted, ...withoutHealth } = data;
      expect((await t.value('residents.update', { id: r.id, data: withoutHealth })).healthNeeds).toBe('инсулин, помощь на лестнице');

      // Withdrawal: the needs are deleted from the database, not only hidden.
      const after = await t.value('privacy.withdrawConsent', { consentId: health?.id ?? 0 }, FRONTDESK);
      expect(after.find((c) => c.id === health?.id)?.withdrawnOn).toBe('2026-11-16');
      const page = await t.value('residents.get', { id: r.id });
      expect(page.resident).toMatchObject({ healthNeeds: '', healthConsent: false });
      expect(t.sqlite.prepare('select health_needs from residents where id = ?').pluck().get(r.id)).toBe('');
      expect(JSON.stringify(page)).not.toContain('инсулин');
      expect(fieldsOf(await t.call('residents.update', { id: r.id, data }))).toEqual(['healthNeeds:validation.healthConsentRequired']);
      // The withdrawal is audited, naming the fields but never the health text.
      const audit = t.sqlite.prepare("select action, resident_id, details from audit_log where call = 'privacy.withdrawConsent'").all() as Array<{ action: string; details: string | null }>;
      expect(audit.map((a) => a.action)).toContain('withdraw');
      expect(JSON.stringify(audit)).toContain('healthNeeds');
      expect(JSON.stringify(audit)).not.toContain('инсулин');
      // Withdrawing twice is refused.
      const again = await t.call('privacy.withdrawConsent', { consentId: health?.id ?? 0 });
      expect(again.ok ? null : again.error.code).toBe('conflict');
    } finally {
      await t.close();
    }
  });

  it('keeps the needs while another consent still covers health', async () => {
    const t = await createTestCore({ now: NOW });
    try {
      const r = await t.value('residents.create', residentInput());
      await t.value('privacy.recordConsent', { residentId: r.id, basis: 'vitalInterests', scopes: ['health'], givenOn: '2026-11-01' });
      const list = await t.value('privacy.recordConsent', { residentId: r.id, basis: 'consent', scopes: ['basic', 'health'], givenOn: '2026-11-16' });
      await t.value('residents.update', { id: r.id, data: { ...residentInput(), healthNeeds: 'диабет' } });
      await t.value('privacy.withdrawConsent', { consentId: list[0]?.id ?? 0 });
      expect((await t.value('residents.get', { id: r.id })).resident.healthNeeds).toBe('диабет');
    } finally {
      await t.close();
    }
  });

  it('leaves export, erasure and retention to the admin', async () => {
    const t = await createTestCore({ now: NOW });
    try {
      const r = await t.value('residents.create', residentInput());
      for (const actor of [FRONTDESK, COORDINATOR, { id: 1, role: 'treasurer' } as Actor]) {
        for (const [name, input] of [
          ['privacy.exportPerson', { residentId: r.id }],
          ['privacy.erasePerson', { residentId: r.id, confirmName: 'Иванов Пётр Сергеевич' }],
          ['privacy.retentionReview', {}],
          ['privacy.anonymiseInactive', { residentIds: [r.id] }],
        ] as const) {
          const e = await t.raw(name, input, actor);
          expect(e.ok ? null : e.error.code, `${actor.role} ${name}`).toBe('forbidden');
        }
      }
    } finally {
      await t.close();
    }
  });
});

/** Two residents who share a volunteer and a kind of help; A has everything linked to them. */
async function twoResidents(c: Core, a: { lastName: string; firstName: string; patronymic: string }) {
  await c.value('setup.complete', { ...settingsInput(), demo: false });
  const kinds = await c.value('catalogue.list', {});
  const kind = (code: string) => kinds.find((k) => k.code === code)?.id ?? -1;
  const firewood = kind('firewood');
  const groceries = kind('groceries');
  const printing = kind('printing');
  const ra = await c.value('residents.create', residentInput({ ...a, birthYear: 1948, settlement: 'Сылва', street: 'Заречная', house: '7', phones: [PHONE_A, PHONE_B], notes: `${a.lastName}: ключ у соседки` }));
  const rb = await c.value('residents.create', residentInput({ ...OTHER, birthYear: 1951, settlement: 'Сылва', street: 'Лесная', phones: [PHONE_OTHER] }));
  const vol = await c.value('volunteers.create', volunteerInput({ lastName: 'Бородулин', firstName: 'Игнат', phones: [VOLUNTEER_PHONE] }));
  // A heads a household with a grandson the centre does not register by name; B lives in her own.
  await c.value('households.create', { headResidentId: ra.id, members: [{ relation: 'grandchild', birthYear: 2014 }], on: '2026-11-01' });
  await c.value('households.create', { headResidentId: rb.id, on: '2026-11-01' });
  await c.value('privacy.recordConsent', { residentId: ra.id, basis: 'consent', scopes: ['basic', 'health'], givenOn: '2026-11-02', note: `${a.lastName} подписала` });
  await c.value('residents.update', { id: ra.id, data: { ...residentInput({ ...a, birthYear: 1948, settlement: 'Сылва', street: 'Заречная', house: '7', phones: [PHONE_A, PHONE_B], notes: `${a.lastName}: ключ у соседки` }), healthNeeds: 'инсулин' } });

  const reqA1 = await c.value('requests.create', requestInput({ residentId: ra.id, kindId: firewood, description: `Дрова для ${a.lastName}` }));
  const reqA2 = await c.value('requests.create', requestInput({ residentId: ra.id, kindId: groceries, description: `${a.firstName} просит продукты` }));
  const reqB = await c.value('requests.create', requestInput({ residentId: rb.id, kindId: firewood, description: 'Дрова к сараю' }));
  await c.value('requests.setStatus', { id: reqA2.id, status: 'planned', note: `звонила ${a.lastName}` });

  const taskA = await c.value('tasks.create', { residentId: ra.id, requestId: reqA1.id, kindId: firewood, scheduledOn: '2026-11-16', partOfDay: 'morning', startTime: null, estimatedMinutes: 60, volunteerIds: [vol.id], note: `Сложить у ${a.lastName}` });
  await c.value('tasks.complete', { id: taskA.id, outcome: { doneOn: '2026-11-16', minutes: [{ volunteerId: vol.id, minutes: 75 }], note: `${a.lastName} довольна`, advances: [{ volunteerId: vol.id, amountMinor: 35_000, note: `лекарства для ${a.lastName}` }] } });
  const taskB = await c.value('tasks.create', { residentId: rb.id, requestId: reqB.id, kindId: firewood, scheduledOn: '2026-11-16', partOfDay: 'afternoon', startTime: null, estimatedMinutes: 60, volunteerIds: [vol.id], note: 'У Хвостиковой злая собака' });
  await c.value('tasks.complete', { id: taskB.id, outcome: { doneOn: '2026-11-16', minutes: [{ volunteerId: vol.id, minutes: 50 }], note: 'Хвостикова довольна', advances: [] } });
  // An open task next week for A (cancelled by the erasure).
  await c.value('tasks.create', { residentId: ra.id, requestId: reqA2.id, kindId: groceries, scheduledOn: '2026-11-20', partOfDay: 'morning', startTime: null, estimatedMinutes: 30, volunteerIds: [], note: `Купить ${a.lastName} хлеб` });

  // A sale at the till with A's id (the cash book copies the name as counterparty).
  await c.core.deps.db
    .insertInto('cash_accounts')
    .values({ name: 'Касса', kind: 'cash', currency: 'RUB', opening_balance_minor: 0, opening_date: '2026-11-01', archived_at: null, created_at: NOW, created_by: 1 })
    .execute();
  await c.value('till.setPrice', { kindId: printing, priceMinor: 1000, unit: 'page' });
  await c.value('till.sell', { kindId: printing, quantity: 3, residentId: ra.id, payment: 'cash' });
  await c.value('till.sell', { kindId: printing, quantity: 1, residentId: rb.id, payment: 'cash' });
  return { ra: ra.id, rb: rb.id, vol: vol.id };
}

describe("a person's data export", () => {
  it('holds everything linked to the person and nothing about anyone else', async () => {
    const c = await makeCore(true);
    const { ra } = await twoResidents(c, CYRILLIC);
    const result = await c.value('privacy.exportPerson', { residentId: ra, language: 'ru' });
    expect(result.id).toMatch(/^person-\d+-\d{8}-\d{6}\.zip$/);
    // Every export is written to the audit log (by the audit guard), with the person's id only.
    expect(c.core.sqlite.prepare("select action, resident_id from audit_log where call = 'privacy.exportPerson'").all()).toEqual([{ action: 'export', resident_id: ra }]);
    const file = path.join(c.dir as string, EXPORT_DIR, result.id);
    const files = unzipSync(readFileSync(file));
    expect(Object.keys(files).sort()).toEqual(['person.html', 'person.json']);
    const json = strFromU8(files['person.json'] as Uint8Array);
    const html = strFromU8(files['person.html'] as Uint8Array);
    const data = JSON.parse(json);

    expect(data.person).toMatchObject({ lastName: CYRILLIC.lastName, firstName: CYRILLIC.firstName, healthNeeds: 'инсулин', phones: [PHONE_A, PHONE_B] });
    expect(data.consents).toHaveLength(1);
    expect(data.requests).toHaveLength(2);
    expect(data.requests[1].history.map((h: { to: string }) => h.to)).toEqual(['new', 'planned']);
    expect(data.tasks).toHaveLength(2);
    expect(data.tasks[0].volunteers).toEqual(['Игнат']);
    expect(data.sales).toHaveLength(1);
    expect(data.sales[0]).toMatchObject({ quantity: 3, totalMinor: 3000, currency: 'RUB' });
    // Their own membership, with how many live there: no other member is named.
    expect(data.households).toEqual([
      { householdId: 1, relation: 'head', fromOn: '2026-11-01', toOn: null, endReason: null, settlement: 'Сылва', street: 'Заречная', house: '7', flat: '4', livingNow: 2 },
    ]);
    expect(html).toContain('Домохозяйство (семья)');
    expect(html).toContain('Глава домохозяйства');
    expect(html).toContain('2 человека');

    for (const text of [json, html]) {
      expect(text).toContain(CYRILLIC.lastName);
      // Nobody else: the other resident, her phone, her task note; the volunteer's surname and phone.
      for (const foreign of [OTHER.lastName, OTHER.firstName, PHONE_OTHER, nationalNumber(PHONE_OTHER), 'Хвостиковой', 'Бородулин', VOLUNTEER_PHONE, nationalNumber(VOLUNTEER_PHONE), 'Administrator']) {
        expect(text, foreign).not.toContain(foreign);
      }
    }
    // The summary is in the UI language and printable (no scripts, no outside resources).
    expect(html).toContain('<html lang="ru">');
    expect(html).not.toMatch(/<script|https?:\/\//i);
    expect(html).toContain('Согласия');
  });

  it('needs a data folder and an existing resident', async () => {
    const c = await makeCore(true);
    const missing = await c.call('privacy.exportPerson', { residentId: 999 });
    expect(missing.ok ? null : missing.error.code).toBe('notFound');
  });
});

/** Counts a report for the period gives: requests by kind and month, tasks by kind, hours, residents. */
async function statistics(c: Core) {
  const db = c.core.deps.db;
  const sqlite = c.core.sqlite;
  return {
    requestsByKindMonth: sqlite.prepare("select kind_id, substr(created_on, 1, 7) as month, count(*) as n from requests group by 1, 2 order by 1, 2").all(),
    tasksByKind: await tasksByKind({ db }, '2026-01', '2026-12'),
    hours: await volunteerHours({ db }, '2026-01', '2026-12'),
    volunteers: await volunteersActive({ db }, '2026-01', '2026-12'),
    residents: sqlite.prepare('select count(*) from residents').pluck().get(),
    // Families served: every household, and its members by relation, period and decade of birth.
    households: sqlite.prepare('select id, settlement, formed_on, closed_on from households order by id').raw().all(),
    householdMembers: sqlite
      .prepare('select m.household_id, m.relation, m.from_on, m.to_on, coalesce(m.birth_year, r.birth_year) / 10 * 10 from household_members m left join residents r on r.id = m.resident_id order by m.id')
      .raw()
      .all(),
    bySettlement: sqlite.prepare('select settlement, count(*) as n from residents group by 1 order by 1').all(),
    bySituation: sqlite.prepare('select sum(lives_alone), sum(pensioner), sum(disability), sum(family_in_difficulty), sum(displaced) from residents').raw().get(),
    byDecade: sqlite.prepare('select birth_year / 10 * 10 as decade, count(*) from residents group by 1 order by 1').raw().all(),
    sales: sqlite.prepare('select kind_id, day, sum(quantity), sum(total_minor), count(resident_id) from sales group by 1, 2').raw().all(),
    cashTotal: sqlite.prepare('select sum(amount_minor) from cash_entries').pluck().get(),
  };
}

/** Every byte sequence that would give the person away: names as typed and folded, phones. */
function traces(p: { lastName: string; firstName: string; patronymic: string }): string[] {
  const out = [p.lastName, p.firstName, fold(p.lastName), fold(p.firstName), PHONE_A, PHONE_B, nationalNumber(PHONE_A), nationalNumber(PHONE_B), 'Заречная', 'инсулин'];
  if (p.patronymic) out.push(p.patronymic, fold(p.patronymic));
  return out;
}

function filesContaining(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  return ['hearth.sqlite', 'hearth.sqlite-wal']
    .map((f) => path.join(dir, f))
    .filter((f) => existsSync(f) && readFileSync(f).includes(bytes))
    .map((f) => path.basename(f));
}

describe('erasure', () => {
  for (const person of [LATIN, CYRILLIC]) {
    it(`keeps the statistics and leaves no byte of the name in the file (${person.lastName})`, async () => {
      const c = await makeCore(true);
      const { ra, rb } = await twoResidents(c, person);
      await c.value('privacy.exportPerson', { residentId: ra, language: 'en' });
      const before = await statistics(c);
      // Before: the name is really there (the search is not vacuous).
      c.core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      expect(filesContaining(c.dir as string, person.lastName)).toEqual(['hearth.sqlite']);

      // The typed name must match.
      const wrong = await c.call('privacy.erasePerson', { residentId: ra, confirmName: OTHER.lastName });
      expect(fieldsOf(wrong)).toEqual(['confirmName:validation.confirmName']);

      // The cash book finds the sale by the name it copied, folded (lower case).
      expect((await c.value('cashbook.list', { text: person.lastName.toLowerCase() })).total).toBe(1);
      const typed = `  ${person.lastName.toUpperCase()}   ${person.firstName} ${person.patronymic}`;
      const result = await c.value('privacy.erasePerson', { residentId: ra, confirmName: typed });
      expect(result.checkpointed).toBe(true);
      expect(result.mentionsElsewhere).toEqual([]);
      expect(result.blanked).toMatchObject({ requests: 2, tasks: 2, volunteer_advances: 1, cash_entries: 1, resident_consents: 1 });

      expect(c.core.sqlite.prepare("select action from audit_log where call = 'privacy.erasePerson' and resident_id = ?").pluck().all(ra)).toContain('erase');
      // Statistics: the same counts for the period.
      const after = await statistics(c);
      expect(after).toEqual(before);

      // No trace in the database file nor in the WAL.
      for (const needle of traces(person)) expect(filesContaining(c.dir as string, needle), needle).toEqual([]);
      // The other resident is untouched.
      expect(filesContaining(c.dir as string, OTHER.lastName)).toEqual(['hearth.sqlite']);
      expect((await c.value('residents.get', { id: rb })).resident.phones).toEqual([PHONE_OTHER]);

      // The person is no longer found, by name or phone, nor in the cash book's search text; the row is a placeholder.
      expect((await c.value('cashbook.list', { text: person.lastName.toLowerCase() })).entries).toEqual([]);
      expect(await c.value('residents.search', { q: person.lastName })).toEqual([]);
      expect(await c.value('residents.search', { q: nationalNumber(PHONE_A).slice(-6) })).toEqual([]);
      expect((await c.value('residents.search', { q: '' })).map((r) => r.id)).toEqual([rb]);
      const page = await c.value('residents.get', { id: ra });
      expect(page.resident).toMatchObject({ lastName: 'Удалено', firstName: String(ra).padStart(6, '0'), birthYear: 1940, settlement: 'Сылва', street: '', phones: [], notes: '', healthNeeds: '' });
      expect(page.resident.erasedAt).toBe(NOW);
      // Earlier exports of the person are deleted with them.
      expect(readdirNames(path.join(c.dir as string, EXPORT_DIR)).filter((n) => n.startsWith(`person-${ra}-`))).toEqual([]);

      // Erased people cannot be edited back or erased twice.
      const edit = await c.call('residents.update', { id: ra, data: residentInput(person) });
      expect(edit.ok ? null : edit.error.code).toBe('conflict');
      const twice = await c.call('privacy.erasePerson', { residentId: ra, confirmName: `Удалено ${String(ra).padStart(6, '0')}` });
      expect(twice.ok ? null : twice.error.code).toBe('conflict');
    });
  }

  it('takes the person out of their households by name; every household and member still counts', async () => {
    const c = await makeCore(false);
    await c.value('setup.complete', { ...settingsInput(), demo: false });
    const a = await c.value('residents.create', residentInput({ ...CYRILLIC, birthYear: 1948, street: 'Заречная', house: '7' }));
    const b = await c.value('residents.create', residentInput({ ...OTHER, birthYear: 1951, street: 'Заречная', house: '7' }));
    const h = await c.value('households.create', {
      headResidentId: a.id,
      members: [
        { residentId: b.id, relation: 'sibling' },
        { relation: 'grandchild', birthYear: 2014 },
      ],
      on: '2026-11-01',
    });
    await c.value('privacy.erasePerson', { residentId: a.id, confirmName: `${CYRILLIC.lastName} ${CYRILLIC.firstName} ${CYRILLIC.patronymic}` });
    const after = await c.value('households.get', { id: h.id });
    // Still a household of three, the head now unnamed with the decade of her birth; B still lives there, so the address stays.
    expect(after).toMatchObject({ size: 3, address: h.address, headMemberId: h.headMemberId, closedOn: null });
    expect(after.members.map((m) => [m.residentId, m.fullName, m.birthYear, m.relation, m.fromOn])).toEqual([
      [null, null, 1940, 'head', '2026-11-01'],
      [b.id, `${OTHER.lastName} ${OTHER.firstName} ${OTHER.patronymic}`, 1951, 'sibling', '2026-11-01'],
      [null, null, 2014, 'grandchild', '2026-11-01'],
    ]);
    expect(await c.value('households.ofResident', { residentId: a.id })).toEqual({ current: null, memberships: [] });
    // B is erased too: no registered person is left, so the street, house and flat go (the settlement stays).
    const second = await c.value('privacy.erasePerson', { residentId: b.id, confirmName: `${OTHER.lastName} ${OTHER.firstName} ${OTHER.patronymic}` });
    expect(second.blanked).toMatchObject({ households: 1 });
    expect(await c.value('households.get', { id: h.id })).toMatchObject({ size: 3, settlement: 'Сылва', street: '', house: '', flat: '', address: 'Сылва' });
    expect(c.core.sqlite.prepare('select count(*) from household_members where resident_id is not null').pluck().get()).toBe(0);
  });

  it('says where the name is still written in text not linked to the person', async () => {
    const c = await makeCore(true);
    const { ra } = await twoResidents(c, CYRILLIC);
    await c.core.deps.db.updateTable('volunteers').set({ notes: `возит ${CYRILLIC.lastName} по вторникам` }).execute();
    const result = await c.value('privacy.erasePerson', { residentId: ra, confirmName: `${CYRILLIC.lastName} ${CYRILLIC.firstName} ${CYRILLIC.patronymic}` });
    expect(result.mentionsElsewhere).toEqual([{ table: 'volunteers', column: 'notes', rowId: 1 }]);
  });
});

function readdirNames(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('retention', () => {
  it('lists the residents and closed-request notes past their time, by an injected clock', async () => {
    const c = await makeCore(false, '2022-03-10T10:00:00.000Z');
    await c.value('setup.complete', { ...settingsInput(), demo: false });
    const kinds = await c.value('catalogue.list', {});
    const firewood = kinds.find((k) => k.code === 'firewood')?.id ?? -1;
    const old = await c.value('residents.create', residentInput({ lastName: 'Старова', phones: [] }));
    const oldReq = await c.value('requests.create', requestInput({ residentId: old.id, kindId: firewood, description: 'Дрова, третий подъезд' }));
    await c.value('requests.setStatus', { id: oldReq.id, status: 'done', note: 'привезли' });
    const blankReq = await c.value('requests.create', requestInput({ residentId: old.id, kindId: firewood, description: '' }));
    await c.value('requests.setStatus', { id: blankReq.id, status: 'cancelled' });

    c.clock.set('2023-06-01T10:00:00.000Z');
    const later = await c.value('residents.create', residentInput({ lastName: 'Позднякова', phones: [] }));
    const openReq = await c.value('requests.create', requestInput({ residentId: later.id, kindId: firewood, description: 'Открытая заявка' }));

    c.clock.set('2026-11-16T09:30:00.000Z');
    const fresh = await c.value('residents.create', residentInput({ lastName: 'Новикова', phones: [] }));
    const review = await c.value('privacy.retentionReview', {});
    expect(review).toMatchObject({ today: '2026-11-16', inactiveBefore: '2023-11-16', notesBefore: '2024-11-16' });
    // Last contact 2022-03-10 and 2023-06-01: both older than three years; today's is not.
    expect(review.residents.map((r) => [r.id, r.lastActivity])).toEqual([
      [old.id, '2022-03-10'],
      [later.id, '2023-06-01'],
    ]);
    expect(review.residents.map((r) => r.id)).not.toContain(fresh.id);
    // Only the closed request that still has text; not the open one, nor the empty one.
    expect(review.requestNotes.map((r) => r.requestId)).toEqual([oldReq.id]);
    expect(review.requestNotes.map((r) => r.requestId)).not.toContain(openReq.id);

    // A help plan that is still running keeps the resident out of the list.
    await c.core.deps.db
      .insertInto('help_plans')
      .values({ resident_id: later.id, kind_id: firewood, rule: 'weekly', weekday: 2, interval_days: null, season_from_month: null, season_to_month: null, part_of_day: null, estimated_minutes: null, volunteer_id: null, starts_on: '2023-06-01', ends_on: null, ended_reason: null, note: '', created_at: NOW, created_by: 1, updated_at: NOW, updated_by: 1 })
      .execute();
    expect((await c.value('privacy.retentionReview', {})).residents.map((r) => r.id)).toEqual([old.id]);

    // Shorter periods from the settings move the cut-off.
    await c.value('privacy.updateSettings', { noticeVersion: '2026-11', retention: { inactiveResidentYears: 5, closedRequestNotesYears: 1, signInEventsMonths: 6 } });
    const five = await c.value('privacy.retentionReview', {});
    expect(five.inactiveBefore).toBe('2021-11-16');
    expect(five.residents).toEqual([]);

    // Blanking the notes keeps the request, its kind, dates and status.
    expect(await c.value('privacy.clearRequestNotes', { requestIds: [oldReq.id, openReq.id] })).toEqual({ cleared: 1 });
    const cleared = await c.value('requests.get', { id: oldReq.id });
    expect(cleared).toMatchObject({ description: '', status: 'done', kindId: firewood });
    expect(await c.value('requests.get', { id: openReq.id })).toMatchObject({ description: 'Открытая заявка' });

    // Anonymising from the list reuses the erasure, and refuses one not past its time.
    await c.value('privacy.updateSettings', { noticeVersion: '2026-11', retention: { inactiveResidentYears: 3, closedRequestNotesYears: 2, signInEventsMonths: 12 } });
    const refused = await c.call('privacy.anonymiseInactive', { residentIds: [old.id, fresh.id] });
    expect(refused.ok ? null : refused.error.code).toBe('conflict');
    expect((await c.value('residents.get', { id: old.id })).resident.erasedAt).toBeNull();
    expect(await c.value('privacy.anonymiseInactive', { residentIds: [old.id] })).toEqual({ erased: 1 });
    expect((await c.value('residents.get', { id: old.id })).resident).toMatchObject({ lastName: 'Удалено', erasedAt: '2026-11-16T09:30:00.000Z' });
    expect((await c.value('privacy.retentionReview', {})).residents).toEqual([]);

    // Sign-in events: older than 12 months are listed and purged; newer ones stay.
    await c.core.deps.db
      .insertInto('sign_in_events')
      .values([
        { user_id: 1, kind: 'signIn', method: 'password', at: '2025-10-01T08:00:00.000Z' },
        { user_id: 1, kind: 'failure', method: 'pin', at: '2025-11-20T08:00:00.000Z' },
      ])
      .execute();
    expect((await c.value('privacy.retentionReview', {})).signInEvents).toEqual({ before: '2025-11-16', count: 1 });
    expect(await c.value('privacy.purgeSignInEvents', {})).toEqual({ deleted: 1 });
    expect(c.core.sqlite.prepare('select at from sign_in_events').pluck().all()).toEqual(['2025-11-20T08:00:00.000Z']);
  });
});

describe('pure rules', () => {
  it('dates before today, and the typed confirmation', () => {
    expect(dateBefore('2026-11-16', 3)).toBe('2023-11-16');
    expect(dateBefore('2028-02-29', 1)).toBe('2027-02-28');
    expect(dateBefore('2026-01-31', 0, 2)).toBe('2025-11-30');
    expect(confirmsName('щукарева  евлампия феоктистовна', 'Щукарёва Евлампия Феоктистовна')).toBe(true);
    expect(confirmsName('Щукарёва', 'Щукарёва Евлампия Феоктистовна')).toBe(false);
    expect(confirmsName('', '')).toBe(false);
  });
});
