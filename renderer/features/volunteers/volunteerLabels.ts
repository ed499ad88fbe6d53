import { useTranslation } from 'react-i18next';
import type {
  PartOfDay,
  SkillRef,
  Specialist,
  VolunteerStatus,
  VolunteerTaskStatus,
  Weekday,
} from '../../../shared/domain/volunteers';
import { useFormat } from '../../ui/format';

/** 2024-01-01 was a Monday: ISO weekday n is 2024-01-0n. */
const weekdayDate = (weekday: Weekday) => new Date(Date.UTC(2024, 0, weekday, 12));

/** Translated names of the volunteers feature's enums, weekdays through Intl, hours from minutes. */
export function useVolunteerLabels() {
  const { t } = useTranslation(['volunteers', 'common']);
  const { locale } = useFormat();
  const hourNumber = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    skill: (s: Pick<SkillRef, 'code' | 'name'>) => (s.code !== null ? t(`volunteers:skills.${s.code}`) : (s.name ?? '')),
    specialist: (s: Specialist) => t(`volunteers:specialists.${s}`),
    part: (p: PartOfDay) => t(`volunteers:parts.${p}`),
    status: (s: VolunteerStatus) => t(`volunteers:statuses.${s}`),
    taskStatus: (s: VolunteerTaskStatus) => t(`volunteers:taskStatus.${s}`),
    weekday: (weekday: Weekday, width: 'long' | 'short' = 'long') =>
      new Intl.DateTimeFormat(locale, { weekday: width, timeZone: 'UTC' }).format(weekdayDate(weekday)),
    /** "March 2026" (or shorter) for a YYYY-MM key. */
    month: (key: string) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${key}-15T12:00:00Z`)),
    /** Minutes as hours with at most one decimal: 210 → "3.5 h". */
    hours: (minutes: number) => t('volunteers:page.hoursValue', { hours: hourNumber.format(minutes / 60) }),
  };
}
