// Pure rules of shared/domain/tasks.ts: statuses, the request-status rule, dates, overlaps, ranking, schemas.
import { describe, expect, it } from 'vitest';
import type { RequestStatus } from '../../../../shared/domain/requests';
import {
  addDays,
  canTaskTransition,
  isIsoDate,
  isoWeekday,
  mondayOf,
  partOfTime,
  rankSuggestions,
  requestStatusFromTasks,
  slotsOverlap,
  taskInputSchema,
  taskOutcomeSchema,
  TASK_STATUSES,
  type Slot,
  type TaskStatus,
  type VolunteerFacts,
} from '../../../../shared/domain/tasks';

describe('task status flow', () => {
  it('moves between planned and assigned, closes open tasks, reopens notDone and cancelled, never leaves done', () => {
    const allowed = Object.fromEntries(TASK_STATUSES.map((from) => [from, TASK_STATUSES.filter((to) => canTaskTransition(from, to))]));
    expect(allowed).toEqual({
      planned: ['assigned', 'done', 'notDone', 'cancelled'],
      assigned: ['planned', 'done', 'notDone', 'cancelled'],
      done: [],
      notDone: ['planned', 'assigned'],
      cancelled: ['planned', 'assigned'],
    });
  });
});

describe('requestStatusFromTasks', () => {
  const cases: Array<[RequestStatus, TaskStatus[], RequestStatus | null]> = [
    // The first task plans a new request.
    ['new', ['planned'], 'planned'],
    ['new', ['assigned'], 'planned'],
    ['planned', ['planned', 'assigned'], null],
    // Some done, some open: in progress.
    ['planned', ['done', 'assigned'], 'inProgress'],
    ['new', ['done', 'planned'], 'inProgress'],
    ['inProgress', ['done', 'planned'], null],
    // Done and nothing open (cancelled and not-done ones do not count): done.
    ['inProgress', ['done', 'done'], 'done'],
    ['planned', ['done'], 'done'],
    ['planned', ['done', 'cancelled', 'notDone'], 'done'],
    ['new', ['done'], 'done'],
    // All cancelled or not done: back to new (it needs planning again).
    ['planned', ['cancelled'], 'new'],
    ['planned', ['cancelled', 'notDone'], 'new'],
    ['new', ['cancelled'], null],
    // Not along the flow: in progress never goes back to planned or new.
    ['inProgress', ['planned'], null],
    ['inProgress', ['cancelled'], null],
    // No tasks: the request is handled by hand.
    ['planned', [], null],
    ['inProgress', [], null],
    // Closed by hand: never moved by its tasks.
    ['done', ['planned'], null],
    ['cancelled', ['done'], null],
    ['referred', ['assigned'], null],
    ['referred', ['cancelled'], null],
  ];
  it.each(cases)('%s with %j → %s', (current, tasks, expected) => {
    expect(requestStatusFromTasks(current, tasks)).toBe(expected);
  });
});

describe('calendar dates', () => {
  it('checks real dates', () => {
    expect(isIsoDate('2026-11-16')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '9999-99-99', '2026-1-1', ' 2026-11-16', '']) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
  });

  it('gives ISO weekdays from the date string, whatever the DST change (last Sundays of March and October)', () => {
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(isoWeekday('2026-10-25')).toBe(7);
    expect(isoWeekday('2026-03-30')).toBe(1);
    expect(isoWeekday('2026-10-26')).toBe(1);
    expect(isoWeekday('2026-11-18')).toBe(3);
  });

  it('adds days and finds Mondays across DST changes', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-10-24', 7)).toBe('2026-10-31');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(mondayOf('2026-03-29')).toBe('2026-03-23');
    expect(mondayOf('2026-10-25')).toBe('2026-10-19');
    expect(mondayOf('2026-10-26')).toBe('2026-10-26');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });
});

describe('slotsOverlap', () => {
  const s = (partOfDay: Slot['partOfDay'], startTime: Slot['startTime'] = null): Slot => ({ partOfDay, startTime });
  it.each([
    [s('morning'), s('morning'), true],
    [s('morning'), s('afternoon'), false],
    [s(null), s(null), true],
    [s(null), s('morning'), false],
    [s(null, '10:00'), s(null), false],
    [s(null, '10:00'), s(null, '11:59'), true],
    [s(null, '10:00'), s(null, '08:01'), true],
    [s(null, '10:00'), s(null, '12:00'), false],
    [s(null, '10:00'), s(null, '08:00'), false],
    // A time counts for its part of the day against a part.
    [s(null, '10:00'), s('morning'), true],
    [s(null, '12:30'), s('morning'), false],
    [s(null, '17:00'), s('evening'), true],
    // Both with times: the times decide, not the parts.
    [s('morning', '11:30'), s('afternoon', '12:15'), true],
  ])('%j / %j → %s', (a, b, expected) => {
    expect(slotsOverlap(a, b)).toBe(expected);
    expect(slotsOverlap(b, a)).toBe(expected);
  });

  it('puts times into parts of the day', () => {
    expect([partOfTime('00:00'), partOfTime('11:59'), partOfTime('12:00'), partOfTime('16:59'), partOfTime('17:00'), partOfTime('23:59')]).toEqual([
      'morning',
      'morning',
      'afternoon',
      'afternoon',
      'evening',
      'evening',
    ]);
  });
});

describe('rankSuggestions', () => {
  const base: VolunteerFacts = {
    volunteerId: 0,
    fullName: '',
    sortKey: '',
    hasSkill: false,
    available: null,
    sameSettlement: false,
    paused: false,
    booked: false,
    weekLoadMinutes: 0,
    weekTasks: 0,
  };
  const v = (id: number, facts: Partial<VolunteerFacts>): VolunteerFacts => ({ ...base, volunteerId: id, fullName: `V${id}`, sortKey: `v${id}`, ...facts });

  it('ranks skill > availability > settlement > light week; booked after free, paused last', () => {
    const ranked = rankSuggestions([
      v(1, { sameSettlement: true }),
      v(2, { available: true }),
      v(3, { hasSkill: true }),
      v(4, { weekLoadMinutes: 300, weekTasks: 2 }),
      v(5, { weekLoadMinutes: 60, weekTasks: 1 }),
      v(6, { hasSkill: true, available: true, sameSettlement: true, paused: true }),
      v(7, { hasSkill: true, available: true, booked: true }),
      v(8, { hasSkill: true, available: true }),
      v(9, { available: true, sameSettlement: true, weekLoadMinutes: 500 }),
    ]);
    expect(ranked.map((s) => s.volunteerId)).toEqual([8, 3, 9, 2, 1, 5, 4, 7, 6]);
    expect(ranked.map((s) => s.score)).toEqual([5, 3, 3, 2, 1, 0, 0, 5, 6]);
    expect(ranked.find((s) => s.volunteerId === 6)).toMatchObject({ reasons: ['skill', 'available', 'sameSettlement', 'lightLoad'], warnings: ['paused'] });
    expect(ranked.find((s) => s.volunteerId === 4)?.reasons).toEqual([]);
    expect(ranked.find((s) => s.volunteerId === 7)?.warnings).toEqual(['booked']);
  });

  it('warns about a volunteer who is not available that day, but not about one without recorded availability', () => {
    const [a, b] = rankSuggestions([v(1, { available: false }), v(2, { available: null, weekLoadMinutes: 10 })]);
    expect(a).toMatchObject({ volunteerId: 1, warnings: ['unavailable'], reasons: ['lightLoad'] });
    expect(b).toMatchObject({ volunteerId: 2, warnings: [], reasons: ['lightLoad'] });
  });
});

describe('schemas', () => {
  it('requires the resident and the kind only without a request', () => {
    expect(taskInputSchema.safeParse({ requestId: 3, scheduledOn: '2026-11-16' }).success).toBe(true);
    const r = taskInputSchema.safeParse({ scheduledOn: '2026-11-16' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['residentId', 'validation.unknownResident'],
      ['kindId', 'validation.unknownKind'],
    ]);
  });

  it('rejects unreal dates, bad times, out-of-range minutes, too many or repeated volunteers', () => {
    const r = taskInputSchema.safeParse({
      residentId: 1,
      kindId: 1,
      scheduledOn: '2026-02-30',
      startTime: '24:00',
      estimatedMinutes: 1441,
      volunteerIds: [1, 1],
    });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['scheduledOn', 'validation.date'],
      ['startTime', 'validation.time'],
      ['estimatedMinutes', 'validation.range'],
      ['volunteerIds', 'validation.duplicate'],
    ]);
    const many = taskInputSchema.safeParse({ residentId: 1, kindId: 1, scheduledOn: '2026-11-16', volunteerIds: Array.from({ length: 11 }, (_, i) => i + 1) });
    expect(many.error?.issues.map((i) => i.message)).toEqual(['validation.tooMany']);
  });

  it('keeps advances in positive integer minor units of a known currency', () => {
    const ok = taskOutcomeSchema.safeParse({ advances: [{ volunteerId: 1, amountMinor: 10_000_000_000, currency: 'PLN' }] });
    expect(ok.success).toBe(true);
    const bad = taskOutcomeSchema.safeParse({
      minutes: [
        { volunteerId: 1, minutes: 30 },
        { volunteerId: 1, minutes: 40 },
      ],
      advances: [
        { volunteerId: 1, amountMinor: 0 },
        { volunteerId: 1, amountMinor: 12.5 },
        { volunteerId: 1, amountMinor: 10_000_000_001 },
        { volunteerId: 1, amountMinor: 100, currency: 'USD' },
      ],
    });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['minutes', 'validation.duplicate'],
      ['advances.0.amountMinor', 'validation.range'],
      ['advances.1.amountMinor', 'validation.number'],
      ['advances.2.amountMinor', 'validation.range'],
      ['advances.3.currency', 'validation.invalid'],
    ]);
  });
});
