import { useFormat } from '../../ui/format';

/** Whole percent in the user's locale ("42 %", "42%"). */
export function usePercent(): (percent: number) => string {
  const fmt = useFormat();
  const f = new Intl.NumberFormat(fmt.locale, { style: 'percent', maximumFractionDigits: 0 });
  return (percent: number) => f.format(percent / 100);
}

/** A bar of a percent (capped at 100 % wide; over 100 % it turns red), with the percent as its label. */
export function PercentBar(props: { percent: number; label: string; tone?: 'time' | 'money' }) {
  const percent = usePercent();
  const over = props.percent > 100;
  return (
    <div
      className={`fd-bar ${props.tone === 'time' ? 'fd-bar-time' : ''} ${over ? 'fd-bar-over' : ''}`}
      role="meter"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.min(props.percent, 100)}
      aria-label={props.label}
    >
      <span className="fd-bar-fill" style={{ width: `${Math.max(0, Math.min(props.percent, 100))}%` }} />
      <span className="fd-bar-text">{percent(props.percent)}</span>
    </div>
  );
}
