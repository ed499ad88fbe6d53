/**
 * Helpers of the policy tests: a demo centre, an input for every call, and every classified key
 * of a payload.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CALL_NAMES, contract, type CallName } from '../../../shared/api/contract';
import { classifyKey, opaqueGroup, type Classification } from '../../../shared/api/policy';
import { fixedClock } from '../clock';
import { BUILT_IN_ADMIN } from '../context';
import { startCore } from '../start';
import { validInputs } from '../testing/builders';

export const DEMO_NOW = '2026-11-23T09:00:00.000Z';
export const DEMO_SETUP = { centreName: 'Центр поддержки жителей Сылвы', country: 'RU', currency: 'RUB', language: 'ru', demo: true } as const;

/** The demo centre in a temporary data folder (so that backups and exports work too). */
export async function demoCore() {
  const dir = mkdtempSync(path.join(tmpdir(), 'hearth-policy-'));
  const started = await startCore({ dataDir: dir, clock: fixedClock(DEMO_NOW) });
  const core = {
    ...started,
    close: async () => {
      await started.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  const answer = await core.dispatch('setup.complete', DEMO_SETUP, { actor: BUILT_IN_ADMIN });
  if (!answer.ok) throw new Error(`demo set-up failed: ${JSON.stringify(answer)}`);
  return core;
}

/** Calls that would replace or wipe the database under the test (run last, if at all). */
const DESTRUCTIVE = new Set<string>(['backups.restore', 'setup.complete']);

/**
 * Every call of the contract in an order that reads before it writes (reads first, then changes,
 * then the destructive ones), each with a valid input (the builders' where there is one).
 */
export function everyCall(): Array<[CallName, unknown]> {
  const valid = validInputs() as Partial<Record<string, unknown>>;
  const input = (name: CallName): unknown => valid[name] ?? (name.endsWith('.get') ? { id: 1 } : {});
  const reads = CALL_NAMES.filter((n) => contract[n].changes.length === 0 && !DESTRUCTIVE.has(n));
  const writes = CALL_NAMES.filter((n) => contract[n].changes.length > 0 && !DESTRUCTIVE.has(n));
  return [...reads, ...writes, ...CALL_NAMES.filter((n) => DESTRUCTIVE.has(n))].map((n) => [n, input(n)]);
}

/** Every object key of a payload with its classification (undefined: not classified). */
export function classifiedKeys(call: string, value: unknown, out: Array<[string, Classification | undefined]> = []) {
  if (Array.isArray(value)) {
    for (const v of value) classifiedKeys(call, v, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const opaque = opaqueGroup(call, k);
      if (opaque !== undefined) {
        out.push([k, opaque]);
        continue;
      }
      out.push([k, classifyKey(call, k)]);
      classifiedKeys(call, v, out);
    }
  }
  return out;
}
