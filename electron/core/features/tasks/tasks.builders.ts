import type { CallInput } from '../../../../shared/api/contract';
import type { tasksCalls } from '../../../../shared/api/calls/tasks';
import type { TaskInput } from '../../../../shared/domain/tasks';

type Calls = keyof typeof tasksCalls;

/** A task for resident 1 and kind 1 on a Monday morning, without volunteers (overrides state what matters). */
export function taskInput(overrides: Partial<TaskInput> = {}): TaskInput {
  return {
    residentId: 1,
    kindId: 1,
    scheduledOn: '2026-11-16',
    partOfDay: 'morning',
    startTime: null,
    estimatedMinutes: 90,
    volunteerIds: [],
    note: 'Дрова к сараю',
    ...overrides,
  };
}

/** A valid input for every tasks call (used by the dispatch and fuzz tests). */
export function tasksValidInputs(): { [K in Calls]: CallInput<K> } {
  return {
    'tasks.create': taskInput(),
    'tasks.update': {
      id: 1,
      data: { residentId: 1, kindId: 1, scheduledOn: '2026-11-17', partOfDay: null, startTime: '10:30', estimatedMinutes: 60, volunteerIds: [1], note: '' },
    },
    'tasks.assign': { id: 1, volunteerIds: [1] },
    'tasks.suggest': { kindId: 1, residentId: 1, scheduledOn: '2026-11-16', partOfDay: 'morning' },
    'tasks.complete': { id: 1, outcome: { doneOn: '2026-11-16', minutes: [{ volunteerId: 1, minutes: 90 }], note: 'Сделано', advances: [] } },
    'tasks.notDone': { id: 1, reason: 'Никого не было дома' },
    'tasks.cancel': { id: 1, reason: 'Родственники приехали' },
    'tasks.reopen': { id: 1 },
    'tasks.get': { id: 1 },
    'tasks.list': { from: '2026-11-16', to: '2026-11-22' },
    'tasks.today': {},
    'tasks.board': { weekStart: '2026-11-16' },
    'tasks.advances': {},
  };
}
