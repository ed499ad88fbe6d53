import type { CallInput } from '../../../../shared/api/contract';
import type { assessmentsCalls } from '../../../../shared/api/calls/assessments';

type Calls = keyof typeof assessmentsCalls;

/** Built-in option ids (migration 20261206_1400): kinds 1–3, areas 4–12 (housing 4, income 5, health 6 … warAffected 12). */
export const OPTION = { needsAssessment: 1, socialHistory: 2, warAffectedChild: 3, housing: 4, income: 5, health: 6, care: 7, documents: 8, children: 9, safety: 10, employment: 11, warAffected: 12 } as const;

/** An assessment of resident 1 without content (no consent needed), made by user 1. */
export function assessmentInput(overrides: Partial<CallInput<'assessments.record'>> = {}): CallInput<'assessments.record'> {
  return { residentId: 1, kindId: OPTION.needsAssessment, assessedOn: '2026-11-10', workerId: 1, followUpOn: '2026-12-10', ...overrides };
}

/** A valid input for every assessments call (the dispatch and fuzz tests): assessment 1 is of resident 1. */
export function assessmentsValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'assessments.record': assessmentInput(),
    'assessments.get': { id: 1 },
    'assessments.update': { id: 1, kindId: OPTION.socialHistory, assessedOn: '2026-11-10', workerId: 1 },
    'assessments.ofResident': { residentId: 1 },
    'assessments.dueFollowUps': {},
    'assessments.options': {},
    'assessments.addOption': { list: 'area', name: 'Транспорт' },
    'assessments.renameOption': { id: 13, name: 'Транспорт до лікарні' },
    'assessments.setOptionArchived': { id: 13, archived: true },
  };
}
