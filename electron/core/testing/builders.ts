/**
 * Deterministic builders of contract inputs: the same call gives the same data, and a test states
 * only what matters to it through `overrides`.
 */
import type { ResidentInput } from '../../../shared/domain/residents';
import type { RequestInput } from '../../../shared/domain/requests';
import type { CallInput } from '../../../shared/api/contract';

export function residentInput(overrides: Partial<ResidentInput> = {}): ResidentInput {
  return {
    lastName: 'Иванов',
    firstName: 'Пётр',
    patronymic: 'Сергеевич',
    birthYear: 1948,
    settlement: 'Сылва',
    street: 'Ленина',
    house: '12',
    flat: '4',
    phones: ['+7 (912) 345-67-89'],
    situations: ['pensioner'],
    householdSize: 1,
    regularCare: false,
    checkinIntervalDays: null,
    notes: '',
    ...overrides,
  };
}

/** A resident with only the required fields set (and the given ones). */
export function minimalResidentInput(overrides: Partial<ResidentInput> = {}): ResidentInput {
  return { lastName: 'Смирнова', firstName: 'Анна', ...overrides };
}

export function requestInput(overrides: Partial<RequestInput> & Pick<RequestInput, 'residentId' | 'kindId'>): RequestInput {
  return { urgency: 'normal', channel: 'walkIn', description: 'Привезти дрова', ...overrides };
}

export function kindInput(overrides: Partial<CallInput<'catalogue.create'>> = {}): CallInput<'catalogue.create'> {
  return { name: 'Ремонт велосипедов', isPaid: false, mode: 'volunteer', ...overrides };
}

export function settingsInput(overrides: Partial<CallInput<'settings.update'>> = {}): CallInput<'settings.update'> {
  return { centreName: 'Сылвенский центр', country: 'RU', currency: 'RUB', language: 'ru', ...overrides };
}
