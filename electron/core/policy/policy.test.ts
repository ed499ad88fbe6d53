/**
 * No output key escapes the field policy: every call of the contract runs on the demo centre as
 * the admin and answers ok (or the error declared for it, never `internal`); an answer declared as
 * a schema matches it strictly, and every key of an answer still declared as a bare type must be
 * classified (public or a field group).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../../shared/api/contract';
import { isLegacyOutput } from '../../../shared/api/define';
import type { Envelope } from '../../../shared/api/errors';
import { classifyKey, FIELD_GROUPS, KEY_GROUPS, ROLE_GROUPS } from '../../../shared/api/policy';
import { ROLES } from '../../../shared/api/roles';
import { callOrder, classifiedKeys, demoCore, demoInputs, outcomeProblem, schemaProblem, type DemoCore } from './policy-testing';
import { redactOutput } from './redact';

describe('the field policy', () => {
  it('gives every role only known groups; only the admin receives the audit group', () => {
    for (const role of ROLES) for (const g of ROLE_GROUPS[role]) expect(FIELD_GROUPS).toContain(g);
    expect(ROLES.filter((r) => ROLE_GROUPS[r].includes('audit'))).toEqual(['admin']);
  });

  it('never lets the front desk receive money, nor the treasurer contacts or health', () => {
    expect(ROLE_GROUPS.frontdesk).not.toContain('money');
    expect(ROLE_GROUPS.treasurer).not.toContain('health');
    expect(ROLE_GROUPS.treasurer).not.toContain('contact');
    expect(ROLE_GROUPS.coordinator).toEqual(expect.arrayContaining(['identity', 'contact', 'health']));
  });

  it('classifies by call: a cash-book description is money, a request description a case note, a till amount the till', () => {
    expect(classifyKey('requests.get', 'description')).toBe('health');
    expect(classifyKey('cashbook.list', 'description')).toBe('money');
    expect(classifyKey('cashbook.list', 'amountMinor')).toBe('money');
    expect(classifyKey('till.day', 'totalMinor')).toBe('till');
    expect(classifyKey('tasks.get', 'amountMinor')).toBe('money');
    expect(classifyKey('residents.get', 'notes')).toBe('health');
    expect(classifyKey('residents.get', 'somethingNew')).toBeUndefined();
    expect(KEY_GROUPS.phones).toBe('contact');
  });

  it('the redactor removes whole subtrees and unclassified keys (but the admin keeps them)', () => {
    const value = { resident: { id: 1, fullName: 'A', phones: ['1'], notes: 'n' }, entries: [{ amountMinor: 5, id: 2 }], mystery: 1 };
    expect(redactOutput('x.get', 'frontdesk', value)).toEqual({ resident: { id: 1, fullName: 'A', phones: ['1'], notes: 'n' }, entries: [{ id: 2 }] });
    expect(redactOutput('x.get', 'treasurer', value)).toEqual({ resident: { id: 1, fullName: 'A' }, entries: [{ amountMinor: 5, id: 2 }] });
    expect(redactOutput('x.get', 'admin', value)).toBe(value);
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

  it('answers every call declared as a schema with exactly that schema', () => {
    expect(answers.map(([name, env]) => schemaProblem(name, 'admin', env)).filter((p) => p !== undefined)).toEqual([]);
  });

  it('returns no key that the policy does not classify (outputs still declared as bare types)', () => {
    const unclassified = new Map<string, Set<string>>();
    for (const [name, env] of answers) {
      if (!env.ok || !isLegacyOutput(contract[name].output)) continue;
      for (const [key, group] of classifiedKeys(name, env.value)) {
        if (group !== undefined) continue;
        if (!unclassified.has(key)) unclassified.set(key, new Set());
        unclassified.get(key)!.add(name);
      }
    }
    const list = [...unclassified].map(([key, calls]) => `${key} (${[...calls].join(', ')})`);
    expect(list).toEqual([]);
  });
});
