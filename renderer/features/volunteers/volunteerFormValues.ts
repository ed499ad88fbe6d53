import type { Language } from '../../../shared/domain/settings';
import {
  PARTS_OF_DAY,
  type PartOfDay,
  type Specialist,
  type Volunteer,
  type VolunteerInput,
  type VolunteerStatus,
  type Weekday,
} from '../../../shared/domain/volunteers';

/**
 * What the volunteer form holds: text as typed, checkbox groups as string arrays (skill ids,
 * availability slots "weekday:part"); converted to the contract's input on save.
 */
export interface VolunteerFormValues {
  lastName: string;
  firstName: string;
  patronymic: string;
  settlement: string;
  phone1: string;
  phone2: string;
  languages: Language[];
  skillIds: string[];
  availability: string[];
  role: 'regular' | 'occasional';
  specialist: Specialist | '';
  agreementSignedOn: string;
  status: VolunteerStatus;
  notes: string;
}

export const emptyVolunteerForm: VolunteerFormValues = {
  lastName: '',
  firstName: '',
  patronymic: '',
  settlement: '',
  phone1: '',
  phone2: '',
  languages: [],
  skillIds: [],
  availability: [],
  role: 'occasional',
  specialist: '',
  agreementSignedOn: '',
  status: 'active',
  notes: '',
};

/** The checkbox value of one availability slot. */
export const slotValue = (weekday: Weekday, part: PartOfDay): string => `${weekday}:${part}`;

/** A checkbox group reads as an array, a lone checkbox as its value or false: always an array here. */
function asArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string' && value !== '') return [value];
  return [];
}

export function volunteerToForm(v: Volunteer): VolunteerFormValues {
  return {
    lastName: v.lastName,
    firstName: v.firstName,
    patronymic: v.patronymic,
    settlement: v.settlement,
    phone1: v.phones[0] ?? '',
    phone2: v.phones[1] ?? '',
    languages: [...v.languages],
    skillIds: v.skillIds.map(String),
    availability: v.availability.map((s) => slotValue(s.weekday, s.part)),
    role: v.isRegular ? 'regular' : 'occasional',
    specialist: v.specialist ?? '',
    agreementSignedOn: v.agreementSignedOn ?? '',
    status: v.status,
    notes: v.notes,
  };
}

export function formToInput(v: VolunteerFormValues): VolunteerInput {
  const availability = asArray(v.availability).flatMap((token) => {
    const [day, part] = token.split(':');
    const weekday = Number(day);
    return (PARTS_OF_DAY as readonly string[]).includes(part ?? '') ? [{ weekday, part: part as PartOfDay }] : [];
  });
  return {
    lastName: v.lastName,
    firstName: v.firstName,
    patronymic: v.patronymic,
    settlement: v.settlement,
    phones: [v.phone1, v.phone2].map((p) => p.trim()).filter((p) => p.length > 0),
    languages: asArray(v.languages) as Language[],
    skillIds: asArray(v.skillIds).map(Number),
    availability,
    isRegular: v.role === 'regular',
    specialist: v.specialist === '' ? null : v.specialist,
    agreementSignedOn: v.agreementSignedOn.trim() === '' ? null : v.agreementSignedOn.trim(),
    status: v.status,
    notes: v.notes,
  };
}

/** Maps a contract path ("phones.1", "data.skillIds.0") to the form field that shows the message. */
export function formFieldOf(path: string, v: VolunteerFormValues): keyof VolunteerFormValues {
  const parts = path.split('.');
  if (parts[0] === 'data') parts.shift();
  const [head = 'lastName', index] = parts;
  if (head === 'phones') {
    const filled = [v.phone1, v.phone2].map((p, i) => ({ p: p.trim(), field: i === 0 ? 'phone1' : 'phone2' } as const)).filter((x) => x.p.length > 0);
    return filled[Number(index)]?.field ?? 'phone1';
  }
  if (head === 'isRegular') return 'role';
  return (head in emptyVolunteerForm ? head : 'lastName') as keyof VolunteerFormValues;
}
