/**
 * The writer that electron/core/crash.slow.test.ts kills. Bundled by the test with esbuild and run as
 *
 *     node crash-child.cjs <dataDir> <run> [seed]
 *
 * It starts the core on the data folder exactly as the app does (startCore), completes the
 * first-run setup if needed, then writes through `dispatch` forever: a resident with a unique
 * marker, a request for it, sometimes a status change of that request or of an older one. After
 * each call has returned (its transaction committed), it writes one line to stdout:
 *
 *     ACK resident <id> <marker>
 *     ACK request <id> <residentId>
 *     ACK status <requestId> <status>
 *
 * with a synchronous write(2), so that a line the parent reads stands for a committed write.
 * Anything unexpected goes to stderr and exits with a non-zero code (the parent only ever kills it).
 */
import { writeSync } from 'node:fs';
import type { CallName, CallInput, CallOutput } from '../../../shared/api/contract';
import { allowedTransitions, type RequestStatus } from '../../../shared/domain/requests';
import { BUILT_IN_ADMIN } from '../context';
import { startCore } from '../start';
import { residentInput } from './builders';
import { mulberry32 } from '../random';

/** Writes a line to stdout with write(2), retrying if the pipe is full (EAGAIN on a non-blocking fd). */
function emit(line: string): void {
  const buf = Buffer.from(`${line}\n`, 'utf8');
  let offset = 0;
  while (offset < buf.length) {
    try {
      offset += writeSync(1, buf, offset);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}

function die(message: string): never {
  writeSync(2, `crash-child: ${message}\n`);
  process.exit(3);
}


async function main(): Promise<void> {
  const [dataDir, run, seedArg] = process.argv.slice(2);
  if (!dataDir || !run) die('usage: crash-child <dataDir> <run> [seed]');
  const rng = mulberry32(Number(seedArg ?? run) * 7919 + 17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

  const core = await startCore({ dataDir });
  const ctx = { actor: BUILT_IN_ADMIN };
  async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
    const envelope = await core.dispatch(name, input, ctx);
    if (!envelope.ok) die(`${name} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.value as CallOutput<K>;
  }

  const setup = await core.dispatch('setup.complete', { centreName: 'Crash test', country: 'OTHER', currency: 'EUR', language: 'en', demo: false }, ctx);
  if (!setup.ok && setup.error.code !== 'alreadySetUp') die(`setup.complete failed: ${JSON.stringify(setup.error)}`);
  const kinds = await call('catalogue.list', {});
  const kindIds = kinds.filter((k) => !k.archived).map((k) => k.id);
  if (kindIds.length === 0) die('no service kinds');

  for (let n = 1; ; n++) {
    const marker = `crash-${run}-${n}`;
    // Now and then a long note, so that rows overflow onto pages of their own.
    const notes = rng() < 0.05 ? `${marker} ${'заметка '.repeat(Math.floor(rng() * 400))}` : marker;
    const resident = await call('residents.create', residentInput({ firstName: marker, notes, phones: rng() < 0.5 ? ['+7 (912) 345-67-89'] : [] }));
    emit(`ACK resident ${resident.id} ${marker}`);

    const request = await call('requests.create', { residentId: resident.id, kindId: pick(kindIds), description: marker });
    emit(`ACK request ${request.id} ${resident.id}`);

    // Sometimes move this request on, sometimes an older one (a write to an old page).
    let target: { id: number; status: RequestStatus } | null = null;
    const r = rng();
    if (r < 0.4) target = request;
    else if (r < 0.6) target = await call('requests.get', { id: 1 + Math.floor(rng() * request.id) });
    if (target) {
      const status = pick(allowedTransitions(target.status));
      await call('requests.setStatus', { id: target.id, status, note: marker });
      emit(`ACK status ${target.id} ${status}`);
    }
  }
}

main().catch((e: unknown) => die(e instanceof Error ? (e.stack ?? e.message) : String(e)));
