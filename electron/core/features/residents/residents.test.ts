import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../../testing/test-core';
import { minimalResidentInput, requestInput, residentInput } from '../../testing/builders';
import type { Envelope, FieldIssue } from '../../../../shared/api/errors';

let t: TestCore;

beforeEach(async () => {
  t = await createTestCore({ now: '2026-11-16T09:30:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

function fieldsOf(envelope: Envelope<unknown>): FieldIssue[] {
  expect(envelope.ok).toBe(false);
  if (envelope.ok) return [];
  expect(envelope.error.code).toBe('validation');
  return envelope.error.fields ?? [];
}

async function kindId(code = 'firewood'): Promise<number> {
  const kinds = await t.value('catalogue.list', {});
  const kind = kinds.find((k) => k.code === code);
  if (!kind) throw new Error(`no kind ${code}`);
  return kind.id;
}

describe('residents.create', () => {
  it('stores what was typed and returns the full record', async () => {
    const r = await t.value('residents.create', residentInput({ phones: ['+7 (912) 345-67-89', '2-13-45'] }));
    expect(r).toMatchObject({
      lastName: 'Иванов',
      firstName: 'Пётр',
      patronymic: 'Сергеевич',
      fullName: 'Иванов Пётр Сергеевич',
      birthYear: 1948,
      settlement: 'Сылва',
      address: 'Сылва, Ленина 12-4',
      phones: ['+7 (912) 345-67-89', '2-13-45'],
      situations: ['pensioner'],
      householdSize: 1,
      regularCare: false,
      createdAt: '2026-11-16T09:30:00.000Z',
      updatedAt: '2026-11-16T09:30:00.000Z',
    });
    expect(r.id).toBeGreaterThan(0);
    const row = t.sqlite.prepare('select created_by, updated_by, sort_key, name_key from residents where id = ?').get(r.id);
    expect(row).toEqual({ created_by: 1, updated_by: 1, sort_key: 'иванов петр сергеевич', name_key: 'иванов петр сергеевич' });
  });

  it('fills defaults for a minimal record and trims text', async () => {
    const r = await t.value('residents.create', { lastName: '  Смирнова ', firstName: ' Анна  ' });
    expect(r).toMatchObject({
      lastName: 'Смирнова',
      firstName: 'Анна',
      patronymic: '',
      fullName: 'Смирнова Анна',
      birthYear: null,
      address: '',
      phones: [],
      situations: [],
      householdSize: null,
      regularCare: false,
      checkinIntervalDays: null,
      notes: '',
    });
  });

  it('keeps a check-in interval only for residents under regular care', async () => {
    const cared = await t.value('residents.create', residentInput({ regularCare: true, checkinIntervalDays: 7 }));
    expect(cared.checkinIntervalDays).toBe(7);
    const notCared = await t.value('residents.create', residentInput({ regularCare: false, checkinIntervalDays: 7 }));
    expect(notCared.checkinIntervalDays).toBeNull();
  });

  it('stores every situation; disability (health data) only under a consent covering health', async () => {
    const all = ['livesAlone', 'pensioner', 'disability', 'familyInDifficulty', 'displaced'] as const;
    const before = t.dump();
    const refused = await t.call('residents.create', residentInput({ situations: [...all] }));
    expect(!refused.ok && refused.error.fields).toEqual([{ path: 'situations', message: 'validation.disabilityConsentRequired' }]);
    expect(t.dump()).toEqual(before);
    const r = await t.value('residents.create', residentInput({ situations: ['livesAlone', 'pensioner', 'familyInDifficulty', 'displaced'] }));
    const update = { id: r.id, data: residentInput({ situations: [...all] }) };
    const noConsent = await t.call('residents.update', update);
    expect(!noConsent.ok && noConsent.error.fields).toEqual([{ path: 'situations', message: 'validation.disabilityConsentRequired' }]);
    const [given] = await t.value('privacy.recordConsent', { residentId: r.id, basis: 'consent', scopes: ['basic', 'health'], givenOn: '2026-11-16' });
    expect((await t.value('residents.update', update)).situations).toEqual([...all]);
    // Withdrawn: the disability goes with the health-related needs.
    await t.value('privacy.withdrawConsent', { consentId: given?.id ?? 0 });
    expect((await t.value('residents.get', { id: r.id })).resident.situations).toEqual(['livesAlone', 'pensioner', 'familyInDifficulty', 'displaced']);
  });
});

describe('residents.update and residents.get', () => {
  it('changes the record, keeps createdAt and moves updatedAt', async () => {
    const created = await t.value('residents.create', residentInput());
    t.clock.advance(60_000);
    const updated = await t.value('residents.update', {
      id: created.id,
      data: residentInput({ street: 'Мира', house: '3', flat: '', phones: ['8 912 000 11 22'] }),
    });
    expect(updated.address).toBe('Сылва, Мира 3');
    expect(updated.phones).toEqual(['8 912 000 11 22']);
    expect(updated.createdAt).toBe('2026-11-16T09:30:00.000Z');
    expect(updated.updatedAt).toBe('2026-11-16T09:31:00.000Z');
    const page = await t.value('residents.get', { id: created.id });
    expect(page.resident).toEqual(updated);
  });

  it('replaces the search terms and phones so the old ones no longer match', async () => {
    const created = await t.value('residents.create', residentInput());
    await t.value('residents.update', { id: created.id, data: residentInput({ lastName: 'Сидоров', phones: [] }) });
    expect(await t.value('residents.search', { q: 'иванов' })).toEqual([]);
    expect(await t.value('residents.search', { q: '912 345' })).toEqual([]);
    expect((await t.value('residents.search', { q: 'сидоров' })).map((r) => r.id)).toEqual([created.id]);
    expect(t.sqlite.prepare('select count(*) from resident_phones where resident_id = ?').pluck().get(created.id)).toBe(0);
  });

  it('returns the resident with their requests, newest first', async () => {
    const resident = await t.value('residents.create', residentInput());
    const other = await t.value('residents.create', minimalResidentInput());
    const firewood = await kindId('firewood');
    const groceries = await kindId('groceries');
    const first = await t.value('requests.create', requestInput({ residentId: resident.id, kindId: firewood }));
    t.clock.advance(3_600_000);
    const second = await t.value('requests.create', requestInput({ residentId: resident.id, kindId: groceries }));
    await t.value('requests.create', requestInput({ residentId: other.id, kindId: firewood }));
    const page = await t.value('residents.get', { id: resident.id });
    expect(page.resident.id).toBe(resident.id);
    expect(page.requests.map((r) => r.id)).toEqual([second.id, first.id]);
    expect(page.requests[1]).toMatchObject({ kindCode: 'firewood', status: 'new', residentName: 'Иванов Пётр Сергеевич' });
  });

  it('answers notFound for an unknown id', async () => {
    const get = await t.call('residents.get', { id: 999 });
    expect(get.ok === false && get.error.code).toBe('notFound');
    const update = await t.call('residents.update', { id: 999, data: residentInput() });
    expect(update.ok === false && update.error.code).toBe('notFound');
    expect(t.sqlite.prepare('select count(*) from residents').pluck().get()).toBe(0);
  });

  it('lists settlements in use, once each, without empty ones', async () => {
    await t.value('residents.create', residentInput({ settlement: 'Сылва' }));
    await t.value('residents.create', residentInput({ settlement: 'Сылва', lastName: 'Петров' }));
    await t.value('residents.create', residentInput({ settlement: 'Кын' }));
    await t.value('residents.create', minimalResidentInput());
    expect(await t.value('residents.settlements', {})).toEqual(['Кын', 'Сылва']);
  });
});

describe('validation', () => {
  it('says validation.required at lastName and firstName', async () => {
    const fields = fieldsOf(await t.raw('residents.create', { lastName: '   ', firstName: undefined }));
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'lastName', message: 'validation.required' },
        { path: 'firstName', message: 'validation.required' },
      ]),
    );
  });

  it('puts the path of a nested field under data for residents.update', async () => {
    const created = await t.value('residents.create', residentInput());
    const fields = fieldsOf(await t.raw('residents.update', { id: created.id, data: residentInput({ lastName: '' }) }));
    expect(fields).toEqual([{ path: 'data.lastName', message: 'validation.required' }]);
  });

  it('says validation.tooLong over the limits', async () => {
    const fields = fieldsOf(await t.raw('residents.create', residentInput({ lastName: 'Я'.repeat(101), notes: 'x'.repeat(4001) })));
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'lastName', message: 'validation.tooLong' },
        { path: 'notes', message: 'validation.tooLong' },
      ]),
    );
  });

  it.each([
    '+7 (912) 345-67-89',
    '8 912 345 67 89',
    '8-912-345-67-89',
    '89123456789',
    '+380 67 123 45 67',
    '+38 (067) 123-45-67',
    '067 123 45 67',
    '0671234567',
    '+48 601 234 567',
    '601-234-567',
    '+30 210 123 4567',
    '0030 210 123 4567',
    '2-13-45',
  ])('accepts the phone %j as typed', async (phone) => {
    const r = await t.value('residents.create', residentInput({ phones: [phone] }));
    expect(r.phones).toEqual([phone]);
  });

  it.each(['abc', '12-34', '+7 912 abc', '7+9123456789', '1234567890123456', 'позвонить соседке', '☎ 912 345'])(
    'rejects the phone %j with validation.phone at its index',
    async (phone) => {
      const fields = fieldsOf(await t.raw('residents.create', residentInput({ phones: ['+7 912 345 67 89', phone] })));
      expect(fields).toEqual([{ path: 'phones.1', message: 'validation.phone' }]);
    },
  );

  it('allows at most five phones', async () => {
    const fields = fieldsOf(await t.raw('residents.create', residentInput({ phones: ['11111', '22222', '33333', '44444', '55555', '66666'] })));
    expect(fields).toEqual([{ path: 'phones', message: 'validation.tooMany' }]);
  });

  it('accepts birth years from 1900 to this year', async () => {
    const thisYear = new Date().getFullYear();
    for (const year of [1900, 1948, thisYear]) {
      const r = await t.value('residents.create', residentInput({ birthYear: year }));
      expect(r.birthYear).toBe(year);
    }
  });

  it.each([
    [1899, 'validation.birthYear'],
    [new Date().getFullYear() + 1, 'validation.birthYear'],
    [3000, 'validation.birthYear'],
    [-1948, 'validation.birthYear'],
    [1948.5, 'validation.number'],
    ['1948', 'validation.number'],
  ])('rejects the birth year %j with %s', async (year, message) => {
    const fields = fieldsOf(await t.raw('residents.create', { ...residentInput(), birthYear: year }));
    expect(fields).toEqual([{ path: 'birthYear', message }]);
  });

  it('checks household size and check-in interval ranges', async () => {
    const fields = fieldsOf(
      await t.raw('residents.create', residentInput({ householdSize: 0, regularCare: true, checkinIntervalDays: 366 })),
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        { path: 'householdSize', message: 'validation.range' },
        { path: 'checkinIntervalDays', message: 'validation.range' },
      ]),
    );
  });

  it('stores nothing for a rejected record', async () => {
    const before = t.dump();
    await t.raw('residents.create', residentInput({ phones: ['garbage'] }));
    expect(t.dump()).toEqual(before);
  });
});

describe('residents.findDuplicates', () => {
  const base = { lastName: 'Иванов', firstName: 'Пётр', patronymic: 'Сергеевич', birthYear: 1948, phones: [] as string[] };

  it('finds the same folded name and birth year in any word order or case', async () => {
    const existing = await t.value('residents.create', residentInput({ phones: [] }));
    // His wife (the matcher would take "Иванова Пётр Сергеевич" of the same year for a typo of him).
    await t.value('residents.create', residentInput({ lastName: 'Иванова', firstName: 'Мария', phones: [] }));
    for (const probe of [
      base,
      { ...base, lastName: 'ИВАНОВ', firstName: 'петр', patronymic: 'сергеевич' },
      { ...base, lastName: 'Пётр', firstName: 'Сергеевич', patronymic: 'Иванов' },
      { ...base, lastName: 'Сергеевич Иванов', firstName: 'Петр', patronymic: '' },
    ]) {
      const found = await t.value('residents.findDuplicates', probe);
      expect(found.map((r) => r.id), JSON.stringify(probe)).toEqual([existing.id]);
    }
  });

  it('does not report the same name with another birth year', async () => {
    await t.value('residents.create', residentInput({ phones: [] }));
    expect(await t.value('residents.findDuplicates', { ...base, birthYear: 1950 })).toEqual([]);
  });

  it('reports a same-named record without a birth year, and any year when none is typed', async () => {
    const noYear = await t.value('residents.create', residentInput({ birthYear: null, phones: [] }));
    expect((await t.value('residents.findDuplicates', base)).map((r) => r.id)).toEqual([noYear.id]);
    const withYear = await t.value('residents.create', residentInput({ birthYear: 1930, phones: [] }));
    expect((await t.value('residents.findDuplicates', { ...base, birthYear: null })).map((r) => r.id)).toEqual([noYear.id, withYear.id]);
  });

  it('matches a record stored without a patronymic when one is typed', async () => {
    const existing = await t.value('residents.create', residentInput({ patronymic: '', phones: [] }));
    expect((await t.value('residents.findDuplicates', base)).map((r) => r.id)).toEqual([existing.id]);
  });

  // BUG (fails today): the check runs while the desk types and the patronymic is often not typed
  // (yet). findDuplicates compares name_key with nameKey(last, first[, patronymic]), so a record
  // stored WITH a patronymic is missed when none is typed; the opposite direction works (above).
  it('matches a record stored with a patronymic when none is typed', async () => {
    const existing = await t.value('residents.create', residentInput({ phones: [] }));
    const found = await t.value('residents.findDuplicates', { ...base, patronymic: '' });
    expect(found.map((r) => r.id)).toEqual([existing.id]);
  });

  it('finds the same phone written differently', async () => {
    const existing = await t.value('residents.create', residentInput({ lastName: 'Коваль', phones: ['+7 (912) 345-67-89'] }));
    const ua = await t.value('residents.create', residentInput({ lastName: 'Шевченко', phones: ['+380 67 123 45 67'] }));
    const probe = { lastName: 'Другой', firstName: 'Человек', patronymic: '', birthYear: null };
    for (const phone of ['8 912 345 67 89', '89123456789', '+79123456789', '912-345-67-89']) {
      expect((await t.value('residents.findDuplicates', { ...probe, phones: [phone] })).map((r) => r.id), phone).toEqual([existing.id]);
    }
    for (const phone of ['067 123 45 67', '+38 (067) 123-45-67']) {
      expect((await t.value('residents.findDuplicates', { ...probe, phones: [phone] })).map((r) => r.id), phone).toEqual([ua.id]);
    }
    expect(await t.value('residents.findDuplicates', { ...probe, phones: ['8 912 345 67 80'] })).toEqual([]);
  });

  it('leaves out the record being edited (excludeId)', async () => {
    const existing = await t.value('residents.create', residentInput());
    const twin = await t.value('residents.create', residentInput({ phones: [] }));
    const found = await t.value('residents.findDuplicates', { ...base, phones: ['8 912 345 67 89'], excludeId: existing.id });
    expect(found.map((r) => r.id)).toEqual([twin.id]);
    const none = await t.value('residents.findDuplicates', { ...base, birthYear: 1948, phones: [], excludeId: twin.id });
    expect(none.map((r) => r.id)).toEqual([existing.id]);
  });

  it('reports each resident once when both name and phone match', async () => {
    const existing = await t.value('residents.create', residentInput());
    const found = await t.value('residents.findDuplicates', { ...base, phones: ['89123456789'] });
    expect(found.map((r) => r.id)).toEqual([existing.id]);
    expect(found[0]).toMatchObject({ fullName: 'Иванов Пётр Сергеевич', birthYear: 1948, phones: ['+7 (912) 345-67-89'] });
  });
});
