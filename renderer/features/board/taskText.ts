import { createContext, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskStatus, TaskSummary } from '../../../shared/domain/tasks';
import { useLabels } from '../../ui/labels';
import { useFormat } from '../../ui/format';
import { collator, dateTimeFormat } from '../../ui/intl';

/** What a task is called on the board and on paper: its status, its time of day, its kind. */
export function useTaskText() {
  const { t } = useTranslation(['board', 'common']);
  const labels = useLabels();
  const format = useFormat();
  return useMemo(
    () => ({
      t,
      status: (s: TaskStatus) => t(`board:taskStatus.${s}`),
      /** "10:30", else the part of the day, else "Any time". */
      slot: (task: Pick<TaskSummary, 'partOfDay' | 'startTime'>) =>
        task.startTime ?? (task.partOfDay !== null ? t(`board:part.${task.partOfDay}`) : t('board:part.anyTime')),
      kind: (task: Pick<TaskSummary, 'kindCode' | 'kindName'>) => labels.kind(task),
      estimate: (task: Pick<TaskSummary, 'estimatedMinutes'>) =>
        task.estimatedMinutes !== null && task.estimatedMinutes > 0 ? t('board:minutes', { count: task.estimatedMinutes }) : '',
      /** "Monday", "3 Mar" … in the UI's locale. */
      weekday: (iso: string) => dateTimeFormat(format.locale, { weekday: 'long' }).format(noon(iso)),
      dayMonth: (iso: string) => dateTimeFormat(format.locale, { day: 'numeric', month: 'short' }).format(noon(iso)),
      /** "Tuesday 3 March" (no year): the day in a link or a heading. */
      day: (iso: string) => dateTimeFormat(format.locale, { weekday: 'long', day: 'numeric', month: 'long' }).format(noon(iso)),
      /** "3–9 March 2026" through Intl's range formatting. */
      range: (from: string, to: string) => dateTimeFormat(format.locale, { day: 'numeric', month: 'long', year: 'numeric' }).formatRange(noon(from), noon(to)),
      longDate: format.longDate,
      date: format.date,
      locale: format.locale,
    }),
    [t, labels, format],
  );
}

export type TaskText = ReturnType<typeof useTaskText>;

/**
 * The board's texts, made once by the board for its hundreds of cards (each card asking i18next
 * and Intl for its own would cost more than drawing it).
 */
export const BoardTextContext = createContext<TaskText | null>(null);

export function useBoardText(): TaskText {
  const text = useContext(BoardTextContext);
  if (!text) throw new Error('A task card is drawn outside the board (BoardTextContext)');
  return text;
}

/** A calendar date as a Date at local noon, so no time zone moves it to another day. */
export function noon(iso: string): Date {
  return new Date(`${iso}T12:00:00`);
}

/** Sorting in the UI's language (its own alphabet order), numbers as numbers. */
export function compareText(locale: string) {
  const sorting = collator(locale, { numeric: true });
  return (a: string, b: string) => sorting.compare(a, b);
}
