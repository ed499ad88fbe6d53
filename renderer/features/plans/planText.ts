/**
 * Words and numbers of the plans screens: a plan's schedule as a sentence ("Every Tuesday",
 * "Every 3 weeks · Season: October–March"), month and weekday names, hours and month keys, all
 * through Intl in the user's locale and the `plans` namespace.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { HelpPlan, PlanEndReason } from '../../../shared/domain/plans';
import { useCall } from '../../app/api';
import { useFormat } from '../../ui/format';

/** Today as the core sees it (app.status), so that the UI and the core agree on the day. */
export function useToday(): string {
  const status = useCall('app.status', {});
  if (status.data?.today) return status.data.today;
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** '2026-11' → first day as a UTC timestamp (mid-month, so no time zone moves it). */
function monthStamp(key: string): number {
  return Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, 15);
}

function dayStamp(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)), 12);
}

/** A month key moved by n months ('2026-11', -5 → '2026-06'). */
export function addMonths(key: string, n: number): string {
  const index = Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

export function usePlanFormat() {
  const { t } = useTranslation('plans');
  const { locale } = useFormat();
  return useMemo(() => {
    const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    const weekdayName = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    const monthYear = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const monthShort = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' });
    const dayWithWeekday = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const dayOnly = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const integer = new Intl.NumberFormat(locale);
    const fns = {
      /** 1 … 12 → "October". */
      month: (m: number) => monthName.format(Date.UTC(2024, m - 1, 15)),
      /** 1 Monday … 7 Sunday → "Tuesday" (1 January 2024 was a Monday). */
      weekday: (d: number) => weekdayName.format(Date.UTC(2024, 0, d, 12)),
      /** '2026-11' → "Nov 2026". */
      monthKey: (key: string) => monthYear.format(monthStamp(key)),
      /** '2026-11' → "Nov". */
      monthKeyShort: (key: string) => monthShort.format(monthStamp(key)),
      /** '2026-11-26' → "Thu, 26 Nov 2026". */
      day: (iso: string) => dayWithWeekday.format(dayStamp(iso)),
      /** Minutes as hours rounded to one decimal: the count of the "…hours" plurals. */
      hoursCount: (minutes: number) => Math.round(minutes / 6) / 10,
      /** Minutes as hours with at most one decimal, in the locale ("12.5", "12,5"). */
      hours: (minutes: number) => hours.format(minutes / 60),
      number: (n: number) => integer.format(n),
      /** '2026-11-26' → "26 Nov 2026". */
      date: (iso: string) => dayOnly.format(dayStamp(iso)),
      /** The plan's rule as a sentence: "Every Tuesday", "Every 3 weeks", "Every 7 days". */
      rule: (p: Pick<HelpPlan, 'rule' | 'weekday' | 'intervalDays'>) => {
        if (p.rule === 'weekly') return p.weekday !== null ? t(`plans:rule.weekly.${p.weekday}`) : '';
        const n = p.intervalDays ?? 1;
        // "Every day" / "Every week" have their own words: the plural forms of ru, uk, pl must show the number.
        if (n === 1) return t('plans:rule.everyDay');
        if (n === 7) return t('plans:rule.everyWeek');
        return n % 7 === 0 ? t('plans:rule.everyNWeeks', { count: n / 7 }) : t('plans:rule.everyNDays', { count: n });
      },
      /** "Season: October–March", or '' for all year. */
      season: (p: Pick<HelpPlan, 'seasonFromMonth' | 'seasonToMonth'>) =>
        p.seasonFromMonth !== null && p.seasonToMonth !== null
          ? t('plans:rule.season', { from: fns.month(p.seasonFromMonth), to: fns.month(p.seasonToMonth) })
          : '',
      endReason: (r: PlanEndReason) => t(`plans:endReasons.${r}`),
    };
    return fns;
  }, [locale, t]);
}
