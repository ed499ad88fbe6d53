import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  PartOfDay,
  SkillRef,
  Specialist,
  VolunteerStatus,
  Weekday,
} from '../../../shared/domain/volunteers';
import { COORDINATION, isOneOf } from '../../../shared/api/roles';
import { useCall } from '../../app/api';
import { useFormat } from '../../ui/format';

/** 2024-01-01 was a Monday: ISO weekday n is 2024-01-0n. */
const weekdayDate = (weekday: Weekday) => new Date(Date.UTC(2024, 0, weekday, 12));

/** Translated names of the volunteers feature's enums, weekdays through Intl, hours from minutes. */
export function useVolunteerLabels() {
  const { t } = useTranslation(['volunteers', 'common']);
  const { locale } = useFormat();
  return useMemo(() => {
    const hourNumber = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const weekdayLong = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    const weekdayShort = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    const monthYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return {
      skill: (s: Pick<SkillRef, 'code' | 'name'>) => (s.code !== null ? t(`volunteers:skills.${s.code}`) : (s.name ?? '')),
      specialist: (s: Specialist) => t(`volunteers:specialists.${s}`),
      part: (p: PartOfDay) => t(`volunteers:parts.${p}`),
      status: (s: VolunteerStatus) => t(`volunteers:statuses.${s}`),
      weekday: (weekday: Weekday, width: 'long' | 'short' = 'long') => (width === 'long' ? weekdayLong : weekdayShort).format(weekdayDate(weekday)),
      /** "March 2026" for a YYYY-MM key. */
      month: (key: string) => monthYear.format(new Date(`${key}-15T12:00:00Z`)),
      /** Minutes as hours with at most one decimal: 210 → "3.5 h". */
      hours: (minutes: number) => t('volunteers:page.hoursValue', { hours: hourNumber.format(minutes / 60) }),
    };
  }, [t, locale]);
}

/** Whether the signed-in user may change volunteers (coordinators and admins); the front desk only looks. */
export function useCanCoordinate(): boolean {
  const status = useCall('app.status', {});
  const role = status.data?.user.role;
  return role !== undefined && isOneOf(COORDINATION, role);
}
