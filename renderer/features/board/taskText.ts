import { useTranslation } from 'react-i18next';
import type { TaskStatus, TaskSummary } from '../../../shared/domain/tasks';
import { useLabels } from '../../ui/labels';
import { useFormat } from '../../ui/format';

/** What a task is called on the board and on paper: its status, its time of day, its kind. */
export function useTaskText() {
  const { t } = useTranslation(['board', 'common']);
  const labels = useLabels();
  const format = useFormat();
  return {
    status: (s: TaskStatus) => t(`board:taskStatus.${s}`),
    /** "10:30", else the part of the day, else "Any time". */
    slot: (task: Pick<TaskSummary, 'partOfDay' | 'startTime'>) =>
      task.startTime ?? (task.partOfDay !== null ? t(`board:part.${task.partOfDay}`) : t('board:part.anyTime')),
    kind: (task: Pick<TaskSummary, 'kindCode' | 'kindName'>) => labels.kind(task),
    estimate: (task: Pick<TaskSummary, 'estimatedMinutes'>) =>
      task.estimatedMinutes !== null && task.estimatedMinutes > 0 ? t('board:minutes', { count: task.estimatedMinutes }) : '',
    /** "Monday", "3 Mar" … in the UI's locale. */
    weekday: (iso: string) => new Intl.DateTimeFormat(format.locale, { weekday: 'long' }).format(noon(iso)),
    dayMonth: (iso: string) => new Intl.DateTimeFormat(format.locale, { day: 'numeric', month: 'short' }).format(noon(iso)),
    /** "Tuesday 3 March" (no year): the day in a link or a heading. */
    day: (iso: string) => new Intl.DateTimeFormat(format.locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(noon(iso)),
    /** "3–9 March 2026" through Intl's range formatting. */
    range: (from: string, to: string) =>
      new Intl.DateTimeFormat(format.locale, { day: 'numeric', month: 'long', year: 'numeric' }).formatRange(noon(from), noon(to)),
    longDate: format.longDate,
    date: format.date,
    locale: format.locale,
  };
}

/** A calendar date as a Date at local noon, so no time zone moves it to another day. */
export function noon(iso: string): Date {
  return new Date(`${iso}T12:00:00`);
}

/** Sorting in the UI's language (its own alphabet order), numbers as numbers. */
export function compareText(locale: string) {
  const collator = new Intl.Collator(locale, { numeric: true });
  return (a: string, b: string) => collator.compare(a, b);
}
