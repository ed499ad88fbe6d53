import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Slot, TaskStatus, TaskVolunteerRef, VolunteerWarning } from '../../../shared/domain/tasks';
import { useCall } from '../../app/api';
import { useFormat } from '../../ui/format';
import { dateTimeFormat } from '../../ui/intl';
import { formatMoney, minutesToHours } from '../../../shared/domain/amounts';

/** Translated, locale-formatted pieces of a task: its day, time, hours, money and volunteers. */
export function useTaskText() {
  const { t } = useTranslation(['tasks', 'common']);
  const format = useFormat();
  const { locale } = format;
  return useMemo(
    () => ({
      status: (s: TaskStatus) => t(`tasks:status.${s}`),
      /** "Fri 13 Mar" */
      day: (iso: string) => dateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${iso}T12:00:00`)),
      longDay: (iso: string) => format.longDate(iso),
      when: (s: Slot) =>
        s.startTime !== null ? t('tasks:atTime', { time: s.startTime }) : s.partOfDay !== null ? t(`tasks:parts.${s.partOfDay}`) : t('tasks:anyTime'),
      /** "1.5 hours" (the number formatted by i18next in the UI language). */
      hours: (minutes: number) => t('tasks:hours', { count: minutesToHours(minutes) }),
      money: (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, locale),
      volunteers: (list: readonly Pick<TaskVolunteerRef, 'fullName'>[]) =>
        list.length > 0 ? list.map((v) => v.fullName).join(', ') : t('tasks:noVolunteer'),
      warningText: (w: VolunteerWarning, name: string) => t(`tasks:warningText.${w}`, { name }),
    }),
    [t, format, locale],
  );
}

/** Whether the signed-in user may plan and change tasks (coordinators and admins). */
export function useCanCoordinate(): boolean {
  const status = useCall('app.status', {});
  const role = status.data?.user.role;
  return role === 'coordinator' || role === 'admin';
}
