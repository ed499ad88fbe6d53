import type { CallInput } from '../../../../shared/api/contract';
import type { plansCalls } from '../../../../shared/api/calls/plans';
import type { PlanInput } from '../../../../shared/domain/plans';

type Calls = keyof typeof plansCalls;

/**
 * A weekly help plan for resident 1 with kind 2 (the fuzz test archives kind 1 early on; override
 * what matters to the test).
 */
export function planInput(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    residentId: 1,
    kindId: 2,
    rule: 'weekly',
    weekday: 2,
    intervalDays: null,
    seasonFromMonth: null,
    seasonToMonth: null,
    partOfDay: 'morning',
    estimatedMinutes: 60,
    volunteerId: null,
    startsOn: '2026-11-16',
    endsOn: null,
    note: 'Лекарства по вторникам',
    ...overrides,
  };
}

/** A valid input for every plans call (used by the dispatch and fuzz tests). */
export function plansValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'plans.list': {},
    'plans.get': { id: 1 },
    'plans.create': planInput(),
    'plans.update': { id: 1, data: planInput({ weekday: 4 }) },
    'plans.end': { id: 1, reason: 'noLongerNeeded' },
    'plans.generate': {},
    'plans.setHorizon': { days: 14 },
    'plans.ensureCheckIns': {},
    'residents.markLeft': { id: 2, reason: 'moved', on: '2026-11-16' },
    'snowDay.preview': { date: '2026-11-17' },
    'snowDay.confirm': { date: '2026-11-17', assignments: [{ residentId: 1, volunteerIds: [] }] },
    'care.list': {},
    'reports.volunteerHours': { from: '2026-06', to: '2026-11' },
    'reports.tasksByKind': { from: '2026-06', to: '2026-11' },
    'reports.volunteersActive': { from: '2026-01', to: '2026-12' },
  };
}
