/**
 * Deterministic builders of contract inputs: the same call gives the same data, and a test states
 * only what matters to it through `overrides`.
 */
import type { ResidentInput } from '../../../shared/domain/residents';
import type { RequestInput } from '../../../shared/domain/requests';
import type { CallInput, CallName } from '../../../shared/api/contract';
import { volunteersValidInputs } from '../features/volunteers/volunteers.builders';
import { tasksValidInputs } from '../features/tasks/tasks.builders';
import { plansValidInputs } from '../features/plans/plans.builders';
import { cashbookValidInputs } from '../features/cashbook/cashbook.builders';
import { tillValidInputs } from '../features/till/till.builders';
import { cashflowValidInputs } from '../features/cashflow/cashflow.builders';
import { grantsValidInputs } from '../features/grants/grants.builders';
import { auditValidInputs } from '../features/audit/audit.builders';
import { privacyValidInputs } from '../features/privacy/privacy.builders';
import { hostingValidInputs } from '../features/hosting/hosting.builders';
import { householdsValidInputs } from '../features/households/households.builders';
import { duplicatesValidInputs } from '../features/residents/duplicates.builders';
import { aidValidInputs } from '../features/aid/aid.builders';
import { dashboardValidInputs } from '../features/dashboard/dashboard.builders';
import { assessmentsValidInputs } from '../features/assessments/assessments.builders';
import { casesValidInputs } from '../features/cases/cases.builders';
import { projectsValidInputs } from '../features/projects/projects.builders';
import { eventsValidInputs } from '../features/events/events.builders';
import { shelterValidInputs } from '../features/shelter/shelter.builders';
import { aggregatesValidInputs } from '../features/reports/aggregates.builders';
import { reportsValidInputs } from '../features/reports/reports.builders';
import { reportExportValidInputs } from '../features/reports/reports.export.builders';
import { importValidInputs } from '../features/import/import.builders';

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

/**
 * A valid input for every call of the contract (ids point at the first resident, kind and
 * request); the compiler makes this list grow with the contract.
 */
export function validInputs(): { [K in CallName]: CallInput<K> } {
  return {
    'app.status': {},
    'app.counts': {},
    'setup.complete': { ...settingsInput(), demo: false },
    'settings.update': settingsInput(),
    'settings.setLanguage': { language: 'uk' },
    'auth.signIn': { userId: 1, password: 'admin-password' },
    'auth.unlock': { method: 'password', secret: 'admin-password' },
    'auth.lock': {},
    'auth.signOut': {},
    'auth.touch': {},
    'auth.claimAdmin': { password: 'admin-password' },
    'auth.changePassword': { currentPassword: 'admin-password', password: 'admin-password' },
    'auth.changePin': { currentPassword: 'admin-password', pin: null },
    'users.list': {},
    'users.create': { name: 'Галина Мартынова', role: 'frontdesk', language: null, password: 'frontdesk-pass', pin: '1234' },
    'users.update': { id: 1, name: 'Администратор', role: 'admin', language: 'ru' },
    'users.resetPassword': { id: 1, password: 'admin-password' },
    'users.setPin': { id: 1, pin: null },
    'users.setActive': { id: 1, active: true },
    'users.signInEvents': {},
    'users.setIdleLock': { minutes: 5 },
    'residents.search': { q: 'иван' },
    'residents.get': { id: 1 },
    'residents.findDuplicates': { lastName: 'Иванов', firstName: 'Пётр' },
    'residents.create': residentInput(),
    'residents.update': { id: 1, data: residentInput() },
    'residents.settlements': {},
    'catalogue.list': {},
    'catalogue.create': kindInput(),
    'catalogue.update': { id: 1, isPaid: true, mode: 'desk' },
    'catalogue.setArchived': { id: 1, archived: true },
    'catalogue.delete': { id: 1 },
    'requests.create': requestInput({ residentId: 1, kindId: 1 }),
    'requests.update': { id: 1, data: requestInput({ residentId: 1, kindId: 1 }) },
    'requests.get': { id: 1 },
    'requests.list': {},
    'requests.today': {},
    'requests.setStatus': { id: 1, status: 'planned' },
    'backups.status': {},
    'backups.list': {},
    'backups.create': {},
    'backups.preview': { id: 'hearth-20261123-090000-manual.hearthbak' },
    'backups.restore': { id: 'hearth-20261123-090000-manual.hearthbak' },
    'backups.setReminder': { days: 7 },
    'export.full': {},
    ...volunteersValidInputs(),
    ...tasksValidInputs(),
    ...plansValidInputs(),
    ...cashbookValidInputs(),
    ...tillValidInputs(),
    ...cashflowValidInputs(),
    ...grantsValidInputs(),
    ...auditValidInputs(),
    ...privacyValidInputs(),
    ...hostingValidInputs(),
    ...householdsValidInputs(),
    ...duplicatesValidInputs(),
    ...aidValidInputs(),
    ...dashboardValidInputs(),
    ...assessmentsValidInputs(),
    ...casesValidInputs(),
    ...projectsValidInputs(),
    ...eventsValidInputs(),
    ...shelterValidInputs(),
    ...aggregatesValidInputs(),
    ...reportsValidInputs(),
    ...reportExportValidInputs(),
    ...importValidInputs(),
    'app.reportError': { name: 'TypeError', message: "Cannot read properties of null (reading '…')", route: 'residents/:id', components: ['ResidentPage', 'ScreenBoundary'] },
  };
}
