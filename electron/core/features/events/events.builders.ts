import type { CallInput } from '../../../../shared/api/contract';
import type { eventsCalls } from '../../../../shared/api/calls/events';

type Calls = keyof typeof eventsCalls;

/** A master class at the centre on the test clock's day (2026-11-16), twelve places. */
export function eventInput(overrides: Partial<CallInput<'events.create'>> = {}): CallInput<'events.create'> {
  return { title: 'Мастер-класс: валяние из шерсти', kind: 'masterClass', startsOn: '2026-11-16', startsAt: '14:00', endsAt: '16:00', settlement: 'Сылва', address: 'ул. Ленина, 12', capacity: 12, ...overrides };
}

/** A valid input for every events call (used by the dispatch and fuzz tests): event 1, attendance 1, resident 1. */
export function eventsValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'events.list': { from: '2026-01-01', to: '2026-12-31', kind: 'masterClass', limit: 20 },
    'events.get': { id: 1 },
    'events.ofResident': { residentId: 1 },
    'events.create': eventInput(),
    'events.update': { id: 1, data: eventInput({ title: 'Мастер-класс: роспись' }) },
    'events.register': { id: 1, residentId: 2, atDoor: true, confirmOverCapacity: true },
    'events.markAttendance': { id: 1, attendanceId: 1, status: 'attended' },
    'events.setHeadCounts': { id: 1, counts: { women: 3, men: 1, girls: 1, boys: 0 } },
    'events.addOrganiser': { id: 1, volunteerId: 1, role: 'ведущая', hours: 3 },
  };
}
