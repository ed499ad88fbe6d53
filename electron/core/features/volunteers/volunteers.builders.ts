import type { CallInput } from '../../../../shared/api/contract';
import type { volunteersCalls } from '../../../../shared/api/calls/volunteers';
import type { VolunteerInput } from '../../../../shared/domain/volunteers';

type Calls = keyof typeof volunteersCalls;

/** A volunteer with every field set; a test states what matters to it through `overrides`. */
export function volunteerInput(overrides: Partial<VolunteerInput> = {}): VolunteerInput {
  return {
    lastName: 'Петров',
    firstName: 'Андрей',
    patronymic: 'Ильич',
    settlement: 'Сылва',
    phones: ['+7 (922) 111-22-33'],
    languages: ['ru'],
    skillIds: [],
    availability: [{ weekday: 4, part: 'morning' }],
    isRegular: true,
    specialist: null,
    agreementSignedOn: '2026-03-01',
    status: 'active',
    notes: '',
    ...overrides,
  };
}

/** A valid input for every volunteers call (used by the dispatch and fuzz tests). */
export function volunteersValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'volunteers.search': { q: 'петр' },
    'volunteers.get': { id: 1 },
    'volunteers.create': volunteerInput({ skillIds: [1] }),
    'volunteers.update': { id: 1, data: volunteerInput({ skillIds: [1] }) },
    'volunteers.setStatus': { id: 1, status: 'paused' },
    'volunteers.delete': { id: 1 },
    'volunteers.merge': { survivorId: 1, otherId: 2, fields: { lastName: 'survivor', firstName: 'other', patronymic: 'survivor', settlement: 'survivor', specialist: 'survivor', agreementSignedOn: 'other', notes: 'survivor' } },
    'skills.list': {},
    'skills.create': { name: 'Колет дрова' },
    'skills.update': { id: 1, name: 'Колет дрова' },
    'skills.setArchived': { id: 1, archived: true },
    'kinds.skills': { kindId: 1 },
    'kinds.setSkills': { kindId: 1, skillIds: [1] },
  };
}
