/**
 * Declared outputs (fields.ts): what each role receives, at run time and in the types, from the
 * groups marked on the fields of one hand-written schema.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { CALL_NAMES, contract, type CallOutput } from './contract';
import { contact, groupOf, groupsAt, health, identity, money, out, pub, redactFor, till, unmarkedFields, viewSchema, type View } from './fields';

const advance = out({ id: pub(z.number()), amountMinor: money(z.number()), note: health(z.string()) });
const task = out({
  id: pub(z.number()),
  residentName: identity(z.string()),
  address: contact(z.string().nullable()),
  advances: pub(z.array(advance)),
  receiptNo: till(z.string()).optional(),
  warnings: pub(z.array(z.union([out({ kind: pub(z.literal('late')), days: pub(z.number()) }), out({ kind: pub(z.literal('over')), overMinor: money(z.number()) })]))),
});

const value = {
  id: 7,
  residentName: 'Зябликова Серафима',
  address: 'ул. Кооперативная, 3',
  advances: [{ id: 1, amountMinor: 35_050, note: 'сердечные капли' }],
  receiptNo: 'R-12',
  warnings: [{ kind: 'late', days: 2 }, { kind: 'over', overMinor: 500 }],
};

describe('redactFor: what leaves the core', () => {
  it('the admin receives everything', () => {
    expect(redactFor(task, 'admin', value)).toEqual(value);
  });

  it('the front desk: no money anywhere in the answer, inside arrays and union members too', () => {
    expect(redactFor(task, 'frontdesk', value)).toEqual({
      id: 7,
      residentName: 'Зябликова Серафима',
      address: 'ул. Кооперативная, 3',
      advances: [{ id: 1, note: 'сердечные капли' }],
      receiptNo: 'R-12',
      warnings: [{ kind: 'late', days: 2 }, { kind: 'over' }],
    });
  });

  it('the treasurer: no address and no health note', () => {
    expect(redactFor(task, 'treasurer', value)).toEqual({
      id: 7,
      residentName: 'Зябликова Серафима',
      advances: [{ id: 1, amountMinor: 35_050 }],
      receiptNo: 'R-12',
      warnings: [{ kind: 'late', days: 2 }, { kind: 'over', overMinor: 500 }],
    });
  });

  it('a member the schema does not declare never leaves (fail closed), even for the admin', () => {
    expect(redactFor(task, 'admin', { ...value, passwordHash: 'scrypt$…' })).not.toHaveProperty('passwordHash');
  });
});

describe('viewSchema: the strict answer of a role, for the tests', () => {
  it('accepts the redacted answer and refuses a field the role must not receive', () => {
    const forDesk = viewSchema(task, 'frontdesk');
    expect(forDesk.safeParse(redactFor(task, 'frontdesk', value)).success).toBe(true);
    expect(forDesk.safeParse(value).success).toBe(false);
    expect(viewSchema(task, 'admin').safeParse({ ...value, extra: 1 }).success).toBe(false);
  });
});

describe('groups of paths, for the audit log', () => {
  it('lists the groups met on the way, through arrays, optionals and unions', () => {
    expect(groupOf(task.shape.receiptNo)).toBe('till');
    expect(groupsAt(task, ['advances', '0', 'amountMinor'])).toEqual(['public', 'money']);
    expect(groupsAt(task, ['warnings', '1', 'overMinor'])).toEqual(['public', 'money']);
    expect(groupsAt(task, ['address'])).toEqual(['contact']);
    expect(groupsAt(task, ['nope'])).toBeUndefined();
  });

  it('finds a hand-built object whose members carry no group', () => {
    const sloppy = out({ id: pub(z.number()), inner: pub(z.object({ name: z.string() })) });
    expect(unmarkedFields(sloppy)).toEqual(['inner.name']);
  });
});

describe('the types each role’s screens receive', () => {
  it('a field no role of the set receives is absent; one some of them receive is optional', () => {
    type Desk = View<typeof task, 'frontdesk'>;
    expectTypeOf<Desk['advances'][number]>().toEqualTypeOf<{ id: number; note: string }>();
    type Mixed = View<typeof task, 'frontdesk' | 'coordinator'>;
    expectTypeOf<Mixed['advances'][number]>().toEqualTypeOf<{ id: number; note: string; amountMinor?: number }>();
    type Books = View<typeof task, 'treasurer'>;
    expectTypeOf<Books>().not.toHaveProperty('address');
  });

  it('tasks.get: the front desk may open a task, so its screens see advance amounts as optional', () => {
    type Advance = NonNullable<CallOutput<'tasks.get'>['advances']>[number];
    expectTypeOf<Advance['amountMinor']>().toEqualTypeOf<number | undefined>();
  });
});

describe('every declared output', () => {
  it('marks every member of every object (a hand-built z.object inside an output is found)', () => {
    const unmarked = CALL_NAMES.flatMap((name) => unmarkedFields(contract[name].output).map((f) => `${name}: ${f}`));
    expect(unmarked).toEqual([]);
  });
});
