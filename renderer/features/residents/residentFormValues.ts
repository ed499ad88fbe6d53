import { type Resident, type ResidentInput, type Situation } from '../../../shared/domain/residents';

/** What the form holds: text as typed; converted to the contract's input on save. */
export interface ResidentFormValues {
  lastName: string;
  firstName: string;
  patronymic: string;
  birthYear: string;
  settlement: string;
  street: string;
  house: string;
  flat: string;
  phone1: string;
  phone2: string;
  situations: Situation[];
  householdSize: string;
  regularCare: boolean;
  needsSnowClearing: boolean;
  checkinIntervalDays: string;
  notes: string;
  /** Health-related needs: editable only under a consent covering health (privacy feature). */
  healthNeeds: string;
}

export const emptyResidentForm: ResidentFormValues = {
  lastName: '',
  firstName: '',
  patronymic: '',
  birthYear: '',
  settlement: '',
  street: '',
  house: '',
  flat: '',
  phone1: '',
  phone2: '',
  situations: [],
  householdSize: '',
  regularCare: false,
  needsSnowClearing: false,
  checkinIntervalDays: '',
  notes: '',
  healthNeeds: '',
};

export function residentToForm(r: Resident): ResidentFormValues {
  return {
    lastName: r.lastName,
    firstName: r.firstName,
    patronymic: r.patronymic,
    birthYear: r.birthYear === null ? '' : String(r.birthYear),
    settlement: r.settlement,
    street: r.street,
    house: r.house,
    flat: r.flat,
    phone1: r.phones[0] ?? '',
    phone2: r.phones[1] ?? '',
    situations: r.situations,
    householdSize: r.householdSize === null ? '' : String(r.householdSize),
    regularCare: r.regularCare,
    needsSnowClearing: r.needsSnowClearing,
    checkinIntervalDays: r.checkinIntervalDays === null ? '' : String(r.checkinIntervalDays),
    notes: r.notes,
    healthNeeds: r.healthNeeds,
  };
}

const toNumber = (s: string): number | null => {
  const trimmed = s.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
};

/** `health`: the health-needs field is enabled (a consent covers it); otherwise it is left out, so it stays as it is. */
export function formToInput(v: ResidentFormValues, opts: { health?: boolean } = {}): ResidentInput {
  return {
    ...(opts.health ? { healthNeeds: v.healthNeeds } : {}),
    lastName: v.lastName,
    firstName: v.firstName,
    patronymic: v.patronymic,
    birthYear: toNumber(v.birthYear),
    settlement: v.settlement,
    street: v.street,
    house: v.house,
    flat: v.flat,
    phones: [v.phone1, v.phone2].map((p) => p.trim()).filter((p) => p.length > 0),
    situations: v.situations,
    householdSize: toNumber(v.householdSize),
    regularCare: v.regularCare,
    needsSnowClearing: v.needsSnowClearing,
    checkinIntervalDays: v.regularCare ? toNumber(v.checkinIntervalDays) : null,
    notes: v.notes,
  };
}

/** Maps a contract path ("phones.1") to the form field that shows the message. */
export function formFieldOf(path: string, v: ResidentFormValues): keyof ResidentFormValues {
  if (path.startsWith('phones.')) {
    const filled = [v.phone1, v.phone2].map((p, i) => ({ p: p.trim(), field: i === 0 ? 'phone1' : 'phone2' })).filter((x) => x.p.length > 0);
    const index = Number(path.split('.')[1]);
    return (filled[index]?.field ?? 'phone1') as keyof ResidentFormValues;
  }
  return (path.split('.')[0] ?? 'lastName') as keyof ResidentFormValues;
}
