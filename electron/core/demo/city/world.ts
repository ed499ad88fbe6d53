/**
 * What the parts of the city generator share while it runs: the call runner and the timeline,
 * the ids of the built-in kinds, skills and accounts, the staff who act, and the people planned
 * in memory. Each part draws from its own random stream (a change in one does not move the rest).
 */
import type { BuiltInKindCode } from '../../../../shared/domain/catalogue';
import type { Role } from '../../../../shared/api/roles';
import type { Actor } from '../../context';
import type { Rng } from '../demo';
import type { CityResident, CityVolunteer } from './people';
import type { CallRunner, MovingClock } from './runner';
import type { Timeline } from './timeline';

export interface CityCounts {
  residents: number;
  requests: number;
  /** Tasks of requests and of help plans together (a target: plans are sized to reach it). */
  tasks: number;
  volunteers: number;
  /** Cash-book entries, till sales included (a target: manual entries are sized to reach it). */
  cashEntries: number;
  grants: number;
  years: number;
}

/** The staff of the centre over the years; `pick` chooses one of a role who works there at the time. */
export class Staff {
  readonly #members: Array<{ actor: Actor; from: number }> = [];

  add(actor: Actor, from: number): void {
    this.#members.push({ actor, from });
  }

  pick(rng: Rng, role: Role, at: number): Actor {
    const list = this.#members.filter((m) => m.actor.role === role && m.from <= at);
    const admin = this.#members.find((m) => m.actor.role === 'admin');
    const chosen = list.length > 0 ? rng.pick(list) : admin;
    if (chosen === undefined) throw new Error(`city: nobody with role ${role}`);
    return chosen.actor;
  }
}

export interface CityWorld {
  runner: CallRunner;
  timeline: Timeline;
  clock: MovingClock;
  /** The first day (ms, midnight UTC) and the present (ms): nothing at or after it is written. */
  start: number;
  end: number;
  counts: CityCounts;
  kindIds: ReadonlyMap<BuiltInKindCode, number>;
  skillIds: ReadonlyMap<string, number>;
  accounts: { cash: number; bank: number };
  currency: string;
  staff: Staff;
  residents: CityResident[];
  volunteers: CityVolunteer[];
  residentById: Map<number, CityResident>;
  /** Residents registered so far (a prefix of `residents`, which is in registration order). */
  registered: number;
  /** Called with each advance a volunteer made (the cash book pays them back). */
  onAdvance: (advance: { id: number; at: number }) => void;
}
