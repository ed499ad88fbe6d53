import { type HelpPlan, type PartOfDay, type PlanInput, type PlanRule } from '../../../shared/domain/plans';

/** What the plan form holds: text as typed; converted to the contract's input on save. */
export interface PlanFormValues {
  kindId: string;
  rule: PlanRule;
  weekday: string;
  intervalDays: string;
  seasonal: boolean;
  seasonFrom: string;
  seasonTo: string;
  partOfDay: PartOfDay | '';
  /** Estimated time in hours, as typed ("1,5" or "1.5"). */
  hours: string;
  volunteerId: string;
  startsOn: string;
  endsOn: string;
  note: string;
}

export function emptyPlanForm(today: string): PlanFormValues {
  return {
    kindId: '',
    rule: 'weekly',
    weekday: '',
    intervalDays: '7',
    seasonal: false,
    seasonFrom: '10',
    seasonTo: '3',
    partOfDay: '',
    hours: '1',
    volunteerId: '',
    startsOn: today,
    endsOn: '',
    note: '',
  };
}

function hoursText(minutes: number | null): string {
  if (minutes === null) return '';
  return String(Math.round((minutes / 60) * 100) / 100);
}

export function planToForm(p: HelpPlan): PlanFormValues {
  return {
    kindId: String(p.kindId),
    rule: p.rule,
    weekday: p.weekday === null ? '' : String(p.weekday),
    intervalDays: p.intervalDays === null ? '7' : String(p.intervalDays),
    seasonal: p.seasonFromMonth !== null && p.seasonToMonth !== null,
    seasonFrom: String(p.seasonFromMonth ?? 10),
    seasonTo: String(p.seasonToMonth ?? 3),
    partOfDay: p.partOfDay ?? '',
    hours: hoursText(p.estimatedMinutes),
    volunteerId: p.volunteerId === null ? '' : String(p.volunteerId),
    startsOn: p.startsOn,
    endsOn: p.endsOn ?? '',
    note: p.note,
  };
}

const intOrNull = (s: string): number | null => (s.trim() === '' ? null : Number(s.trim()));

/** The contract's input; an unreadable number stays NaN so that the schema reports it. */
export function formToInput(v: PlanFormValues, residentId: number): PlanInput {
  const hours = v.hours.trim() === '' ? null : Number(v.hours.trim().replace(',', '.'));
  return {
    residentId,
    kindId: intOrNull(v.kindId) ?? 0,
    rule: v.rule,
    weekday: v.rule === 'weekly' ? intOrNull(v.weekday) : null,
    intervalDays: v.rule === 'everyNDays' ? intOrNull(v.intervalDays) : null,
    seasonFromMonth: v.seasonal ? intOrNull(v.seasonFrom) : null,
    seasonToMonth: v.seasonal ? intOrNull(v.seasonTo) : null,
    partOfDay: v.partOfDay === '' ? null : v.partOfDay,
    estimatedMinutes: hours === null ? null : Number.isFinite(hours) ? Math.round(hours * 60) : Number.NaN,
    volunteerId: intOrNull(v.volunteerId),
    startsOn: v.startsOn,
    endsOn: v.endsOn === '' ? null : v.endsOn,
    note: v.note,
  };
}

/** A contract path ('seasonFromMonth', 'data.endsOn') → the form field that shows its message. */
export function formFieldOf(path: string): keyof PlanFormValues | 'form' {
  const last = path.split('.').pop() ?? '';
  const map: Record<string, keyof PlanFormValues> = {
    kindId: 'kindId',
    rule: 'rule',
    weekday: 'weekday',
    intervalDays: 'intervalDays',
    seasonFromMonth: 'seasonFrom',
    seasonToMonth: 'seasonTo',
    partOfDay: 'partOfDay',
    estimatedMinutes: 'hours',
    volunteerId: 'volunteerId',
    startsOn: 'startsOn',
    endsOn: 'endsOn',
    note: 'note',
  };
  return map[last] ?? 'form';
}
