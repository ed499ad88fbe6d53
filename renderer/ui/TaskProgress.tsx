import type { LongTask } from '../../shared/api/events';
import { useTaskShare } from '../app/progress';
import { useFormat } from './format';

/** A progress line for long work the core does off its call thread, shown once it takes over a second. */
export function TaskProgress({ task, label, className }: { task: LongTask; label: (percent: string) => string; className?: string }) {
  const share = useTaskShare(task);
  const format = useFormat();
  if (share === null) return null;
  return (
    <div className={`progress-line${className ? ` ${className}` : ''}`} role="status">
      <progress max={1} value={share} aria-hidden="true" />
      <span>{label(format.percent(share))}</span>
    </div>
  );
}
