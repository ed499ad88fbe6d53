import type { CallInput } from '../../../../shared/api/contract';
import type { projectsCalls } from '../../../../shared/api/calls/projects';

type Calls = keyof typeof projectsCalls;

/** A two-year activation project like Zawiercie's (the period holds the test clock's today). */
export function projectInput(overrides: Partial<CallInput<'projects.create'>> = {}): CallInput<'projects.create'> {
  return { name: 'Partnerstwo na rzecz aktywnej integracji', funder: 'EFS', startsOn: '2026-01-01', endsOn: '2027-12-31', targetRecruited: 145, targetCompleted: 96, ...overrides };
}

/**
 * A valid input for every projects call (used by the dispatch and fuzz tests): project 1 with
 * activity 1 and participant 1 (resident 1).
 */
export function projectsValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'projects.list': {},
    'projects.get': { id: 1 },
    'projects.ofResident': { residentId: 1 },
    'projects.grantOptions': {},
    'projects.create': projectInput(),
    'projects.update': { id: 1, data: projectInput({ name: 'Aktywna integracja' }) },
    'projects.addActivity': { id: 1, activity: { kind: 'course', name: 'ECDL Base' } },
    'projects.enrol': { id: 1, residentId: 2, contractOn: '2026-03-02', recruitedOn: '2026-03-01' },
    'projects.recordContract': { id: 1, participantId: 1, on: '2026-03-02' },
    'projects.recordAttendance': { id: 1, participantId: 1, activityId: 1, on: '2026-03-10', sessions: 2, hours: 4 },
    'projects.complete': { id: 1, participantId: 1, on: '2026-09-30' },
    'projects.dropOut': { id: 1, participantId: 1, on: '2026-06-30', reason: 'Podjął pracę' },
  };
}
