/**
 * The role × call matrix through the real dispatch on the demo centre: every call as every role
 * is refused exactly where the contract's policy says so (and the refusal is audited); every
 * allowed call answers ok with an input that fits the demo centre, or exactly the error declared
 * for it (EXPECTED_ERRORS), never `internal`; every ok answer matches the strict schema of what
 * the role receives (its output schema without the groups the role may not have), and no member
 * of any answer belongs to such a group: the front desk never gets a money key, the treasurer
 * never gets case notes, health, addresses or phones (checked on the payloads' text too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, contract, type CallName } from '../../../shared/api/contract';
import { deniedGroups, unmarkedFields } from '../../../shared/api/fields';
import { ROLES, type Role } from '../../../shared/api/roles';
import type { Envelope } from '../../../shared/api/errors';
import { ACTORS, callOrder, demoCore, groupedMembers, demoInputs, outcomeProblem, refusedCall, schemaProblem, type DemoCore } from './policy-testing';

let core: DemoCore;
const answers = new Map<string, Envelope<unknown>>();
let sensitiveTexts: string[] = [];
/** `call|role` of every refusal the audit log holds from the run. */
let deniedLogged: string[] = [];

const answer = (name: CallName, role: Role) => {
  const env = answers.get(`${name}|${role}`);
  if (!env) throw new Error(`${name} as ${role} did not run`);
  return env;
};

beforeAll(async () => {
  core = await demoCore();
  const db = core.sqlite;
  // Case notes, request descriptions and phones of the demo residents.
  const texts = [
    ...(db.prepare('select notes from residents where length(notes) >= 6').pluck().all() as string[]),
    ...(db.prepare('select description from requests where length(description) >= 12').pluck().all() as string[]),
    ...(db.prepare('select raw from resident_phones').pluck().all() as string[]),
  ];
  sensitiveTexts = [...new Set(texts)];
  const lastBefore = Number(db.prepare('select coalesce(max(id), 0) from audit_log').pluck().get());
  const plan = demoInputs(core);
  for (const name of callOrder()) {
    for (const role of ROLES) {
      const { input, caller } = contract[name].roles.includes(role) ? await plan(name, role) : refusedCall(name, role);
      answers.set(`${name}|${role}`, await core.dispatch(name, input, caller));
    }
  }
  deniedLogged = db.prepare("select call || '|' || role from audit_log where action = 'denied' and id > ?").pluck().all(lastBefore) as string[];
}, 300_000);

afterAll(async () => {
  await core?.close();
});

const cases = CALL_NAMES.flatMap((name) => ROLES.map((role) => [name, role] as [CallName, Role]));

describe('role × call matrix', () => {
  it.each(cases)('%s as %s answers what the policy and the demo centre say', (name, role) => {
    // Refused (forbidden) where the role may not use the call; else ok, or the declared error.
    expect(outcomeProblem(name, role, answer(name, role))).toBeUndefined();
  });

  it('writes every refusal to the audit log, with its call and role', () => {
    const refusals = CALL_NAMES.flatMap((name) => ROLES.filter((role) => !contract[name].roles.includes(role)).map((role) => `${name}|${role}`));
    expect(deniedLogged.sort()).toEqual(refusals.sort());
  });

  it('denies unknown calls for every role', async () => {
    for (const role of ROLES) {
      const env = await core.dispatch('residents.drop', {}, { actor: ACTORS[role] });
      expect(!env.ok && env.error.code).toBe('unknownCall');
    }
  });
});

describe('answers match the declared output of what the role receives', () => {
  it('marks every member of every output with its field group', () => {
    const unmarked = CALL_NAMES.flatMap((n) => unmarkedFields(contract[n].output).map((f) => `${n}: ${f}`));
    expect(unmarked).toEqual([]);
  });

  it.each(cases.filter(([name, role]) => contract[name].roles.includes(role)))('%s as %s matches the strict schema of what the role receives', (name, role) => {
    expect(schemaProblem(name, role, answer(name, role))).toBeUndefined();
  });
});

describe('payloads carry only the field groups of the role', () => {
  /** What issue 6 requires whatever the declarations say; the roles' own denials come on top. */
  const REQUIRED: Record<Role, string[]> = { frontdesk: ['money', 'case', 'audit'], coordinator: ['audit'], treasurer: ['health', 'case', 'contact', 'audit'], admin: [] };

  it.each(ROLES)('%s receives no member that is undeclared or of a group it may not have', (role) => {
    const denied = new Set<string>([...deniedGroups(role), ...REQUIRED[role]]);
    const leaks: string[] = [];
    for (const name of CALL_NAMES) {
      const env = answer(name, role);
      if (!env.ok) continue;
      for (const [member, groups] of groupedMembers(name, env.value)) {
        if (groups === undefined) leaks.push(`${name}: ${member} (undeclared)`);
        else if (groups.some((g) => denied.has(g))) leaks.push(`${name}: ${member} (${groups.join(' > ')})`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('the front desk’s payloads, ok or not, name none of the money keys the admin receives', () => {
    // Keys that are money wherever they appear in the admin's answers (a cash-book `description`
    // is money there but a case note on a request, so it is not one of them).
    const groupsOfKey = new Map<string, Set<string>>();
    for (const name of CALL_NAMES) {
      const env = answer(name, 'admin');
      if (!env.ok) continue;
      for (const [member, groups] of groupedMembers(name, env.value)) {
        const key = member.split('.').at(-1)!;
        if (/^\d+$/.test(key)) continue;
        if (!groupsOfKey.has(key)) groupsOfKey.set(key, new Set());
        groupsOfKey.get(key)!.add(groups?.at(-1) ?? 'undeclared');
      }
    }
    const moneyKeys = [...groupsOfKey].filter(([, g]) => g.size === 1 && g.has('money')).map(([k]) => k);
    expect(moneyKeys.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const name of CALL_NAMES) {
      const json = JSON.stringify(answer(name, 'frontdesk'));
      for (const key of moneyKeys) if (json.includes(`"${key}":`)) leaks.push(`${name}: ${key}`);
    }
    expect(leaks).toEqual([]);
  });

  it('the treasurer’s answers, ok or not, contain none of the residents’ notes, request descriptions or phones', () => {
    expect(sensitiveTexts.length).toBeGreaterThan(5);
    const leaks: string[] = [];
    for (const name of CALL_NAMES) {
      const json = JSON.stringify(answer(name, 'treasurer'));
      for (const text of sensitiveTexts) if (json.includes(JSON.stringify(text).slice(1, -1))) leaks.push(`${name} leaks "${text}"`);
    }
    expect(leaks).toEqual([]);
  });

  it('a task with money advanced: the coordinator sees the amounts, the front desk only the rest', async () => {
    const taskId = core.sqlite.prepare('select task_id from volunteer_advances order by id limit 1').pluck().get() as number | undefined;
    expect(taskId).toBeDefined();
    const asCoordinator = await core.dispatch('tasks.get', { id: taskId }, { actor: ACTORS.coordinator });
    const asFrontDesk = await core.dispatch('tasks.get', { id: taskId }, { actor: ACTORS.frontdesk });
    expect(asCoordinator.ok && asFrontDesk.ok).toBe(true);
    expect(JSON.stringify(asCoordinator)).toContain('"amountMinor":');
    expect(JSON.stringify(asFrontDesk)).not.toMatch(/Minor":/);
    expect(JSON.stringify(asFrontDesk)).toContain('"advances":');
  });

  it('the front desk keeps the till’s own figures: the day’s total, the cash box and the cash-up', () => {
    const day = answer('till.day', 'frontdesk');
    expect(day.ok).toBe(true);
    const json = JSON.stringify(day);
    expect(json).toContain('"totalMinor":');
    expect(json).toContain('"cashAccount":');
    expect(json).toContain('"expectedCashMinor":');
  });

  it('the coordinator and the front desk do receive the residents’ contacts and notes they work with', () => {
    for (const role of ['frontdesk', 'coordinator'] as const) {
      const env = answer('residents.get', role);
      expect(env.ok).toBe(true);
      const resident = (env.ok ? env.value : null) as { resident: Record<string, unknown> };
      expect(resident.resident).toHaveProperty('phones');
      expect(resident.resident).toHaveProperty('notes');
      expect(resident.resident).toHaveProperty('address');
    }
  });
});
