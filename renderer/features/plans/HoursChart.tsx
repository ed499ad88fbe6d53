import { useTranslation } from 'react-i18next';
import { usePlanFormat } from './planText';

const WIDTH = 640;
const HEIGHT = 220;
const TOP = 26;
const BOTTOM = 40;
const LEFT = 12;
const RIGHT = 12;

/**
 * Hours given per month as a plain inline SVG bar chart built from the report's data (no chart
 * library). Labels are the locale's month names and numbers; the figures are in the table too.
 */
export function HoursChart({ months, minutes }: { months: string[]; minutes: number[] }) {
  const { t } = useTranslation('plans');
  const fmt = usePlanFormat();
  const max = Math.max(60, ...minutes);
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(1, months.length);
  const bar = Math.min(64, slot * 0.7);
  const plot = HEIGHT - TOP - BOTTOM;
  const showYear = new Set(months.map((m) => m.slice(0, 4))).size > 1;
  // Long ranges: a label every few months, and no figures over the bars (the table has them).
  const every = Math.ceil(months.length / 18);
  const showValues = months.length <= 18;
  return (
    <figure className="hours-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('plans:reports.chartLabel')}>
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + plot} y2={TOP + plot} className="axis" />
        {months.map((m, i) => {
          const value = minutes[i] ?? 0;
          const h = Math.round((value / max) * plot);
          const x = LEFT + i * slot + (slot - bar) / 2;
          const cx = LEFT + i * slot + slot / 2;
          return (
            <g key={m}>
              <rect x={x} y={TOP + plot - h} width={bar} height={Math.max(h, value > 0 ? 1 : 0)} className="bar" rx={3} />
              {showValues ? (
                <text x={cx} y={TOP + plot - h - 6} textAnchor="middle" className="value">
                  {fmt.hours(value)}
                </text>
              ) : null}
              {i % every === 0 ? (
                <text x={cx} y={TOP + plot + 18} textAnchor="middle" className="label">
                  {fmt.monthKeyShort(m)}
                </text>
              ) : null}
              {showYear && i % every === 0 && (i === 0 || Number(m.slice(5, 7)) <= every) ? (
                <text x={cx} y={TOP + plot + 34} textAnchor="middle" className="year">
                  {m.slice(0, 4)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="field-hint">{t('plans:reports.chartCaption')}</figcaption>
    </figure>
  );
}
