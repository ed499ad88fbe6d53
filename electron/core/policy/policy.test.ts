/**
 * The field policy as declared: the roles' groups, the groups on the fields of real outputs, and
 * every call of the contract on the demo centre as the admin: ok (or the error declared for it,
 * never `internal`), matching its output schema exactly, with every member declared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/api/errors';
import { FIELD_GROUPS, groupsAt, redactFor, ROLE_GROUPS } from '../../../shared/api/fields';
import { ROLES } from '../../../shared/api/roles';
import { callOrder, demoCore, demoInputs, groupedMembers, outcomeProblem, schemaProblem, type DemoCore } from './policy-testing';

describe('the field policy', () => {
  it('gives every role only known groups; only the admin receives the audit group', () => {
    for (const role of ROLES) for (const g of ROLE_GROUPS[role]) expect(FIELD_GROUPS).toContain(g);
    expect(ROLES.filter((r) => (ROLE_GROUPS[r] as readonly string[]).includes('audit'))).toEqual(['admin']);
  });

  it('never lets the front desk receive money, nor the treasurer contacts or health', () => {
    expect(ROLE_GROUPS.frontdesk).not.toContain('money');
    expect(ROLE_GROUPS.treasurer).not.toContain('health');
    expect(ROLE_GROUPS.treasurer).not.toContain('contact');
    // Casework content (assessments' findings, case plans) reaches the caseworkers only.
    expect(ROLE_GROUPS.frontdesk).not.toContain('case');
    expect(ROLE_GROUPS.treasurer).not.toContain('case');
    expect(ROLE_GROUPS.coordinator).toContain('case');
    expect(ROLE_GROUPS.coordinator).toEqual(expect.arrayContaining(['identity', 'contact', 'health']));
  });

  it('a field’s group is declared on the field: a cash-book note is money, a request’s description a case note, a till total the till', () => {
    const at = (call: CallName, ...path: string[]) => groupsAt(contract[call].output, path)?.at(-1);
    expect(at('requests.get', 'description')).toBe('health');
    expect(at('cashbook.list', 'entries', '0', 'note')).toBe('money');
    expect(at('cashbook.list', 'entries', '0', 'amountMinor')).toBe('money');
    expect(at('till.day', 'totalMinor')).toBe('till');
    expect(at('tasks.get', 'advances', '0', 'amountMinor')).toBe('money');
    expect(at('residents.get', 'resident', 'notes')).toBe('health');
    expect(at('residents.get', 'resident', 'phones')).toBe('contact');
    expect(at('residents.get', 'resident', 'somethingNew')).toBeUndefined();
  });

  it('the redaction removes whole members, and members the output does not declare (for the admin too)', () => {
    const output = contract['residents.get'].output;
    const value = { resident: { id: 1, lastName: 'А', phones: ['1'], notes: 'n', mystery: 1 }, requests: [] };
    expect(redactFor(output, 'admin', value)).toEqual({ resident: { id: 1, lastName: 'А', phones: ['1'], notes: 'n' }, requests: [] });
  });
});

describe('every call on the demo centre, as the admin', () => {
  let core: DemoCore;
  const answers: Array<[CallName, Envelope<unknown>]> = [];

  beforeAll(async () => {
    core = await demoCore();
    const plan = demoInputs(core);
    for (const name of callOrder()) {
      const { input, caller } = await plan(name, 'admin');
      answers.push([name, await core.dispatch(name, input, caller)]);
    }
  }, 120_000);

  afterAll(async () => {
    await core?.close();
  });

  it('answers every call ok, or with the error declared for it (never internal)', () => {
    expect(answers.map(([name, env]) => outcomeProblem(name, 'admin', env)).filter((p) => p !== undefined)).toEqual([]);
  });

  it('answers every call with exactly its declared output', () => {
    expect(answers.map(([name, env]) => schemaProblem(name, 'admin', env)).filter((p) => p !== undefined)).toEqual([]);
  });

  it('returns no member that its output does not declare', () => {
    const undeclared = answers.flatMap(([name, env]) => (env.ok ? groupedMembers(name, env.value).filter(([, g]) => g === undefined).map(([m]) => `${name}: ${m}`) : []));
    expect(undeclared).toEqual([]);
  });
});
