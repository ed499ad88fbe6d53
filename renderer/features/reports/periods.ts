/**
 * The periods the results screen offers: calendar months, quarters, half-years and years up to
 * today's (newest first), a grant's or a project's own dates, or any dates.
 */
import { addDays, addMonths } from '../../../shared/domain/dates';

export const PRESETS = ['month', 'quarter', 'half', 'year', 'grant', 'project', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export interface PeriodOption {
  key: string;
  from: string;
  to: string;
  /** What to show: a month key, {q, year}, {h, year}, a year, or a name. */
  label: { month: string } | { q: number; year: number } | { h: number; year: number } | { year: number } | { name: string };
}

const monthEnd = (month: string) => addDays(`${addMonths(month, 1)}-01`, -1);

/** The calendar periods of a kind that contain today or end before it, newest first. */
export function calendarOptions(preset: 'month' | 'quarter' | 'half' | 'year', today: string): PeriodOption[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const out: PeriodOption[] = [];
  const span = { month: 1, quarter: 3, half: 6, year: 12 }[preset];
  const count = { month: 24, quarter: 12, half: 8, year: 6 }[preset];
  // The first month of the period that contains today.
  const startIndex = Math.floor((month - 1) / span) * span;
  let start = `${year}-${String(startIndex + 1).padStart(2, '0')}`;
  for (let i = 0; i < count; i++) {
    const y = Number(start.slice(0, 4));
    const m = Number(start.slice(5, 7));
    const last = addMonths(start, span - 1);
    const label: PeriodOption['label'] =
      preset === 'month' ? { month: start } : preset === 'quarter' ? { q: Math.floor((m - 1) / 3) + 1, year: y } : preset === 'half' ? { h: m <= 6 ? 1 : 2, year: y } : { year: y };
    out.push({ key: start, from: `${start}-01`, to: monthEnd(last), label });
    start = addMonths(start, -span);
  }
  return out;
}
