import { useTranslation } from 'react-i18next';
import type { SuggestionReason, TaskStatus, VolunteerWarning } from '../../../shared/domain/tasks';
import './tasks.css';

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation('tasks');
  return <span className={`badge task-badge-${status}`}>{t(`tasks:status.${status}`)}</span>;
}

/** Why a volunteer is suggested, as small badges. */
export function ReasonBadges({ reasons }: { reasons: readonly SuggestionReason[] }) {
  const { t } = useTranslation('tasks');
  return (
    <>
      {reasons.map((r) => (
        <span key={r} className={`badge vs-reason vs-reason-${r}`}>
          {t(`tasks:reasons.${r}`)}
        </span>
      ))}
    </>
  );
}

/** What to check before sending a volunteer (booked, unavailable, paused), in the warning colour. */
export function WarningBadges({ warnings }: { warnings: readonly VolunteerWarning[] }) {
  const { t } = useTranslation('tasks');
  return (
    <>
      {warnings.map((w) => (
        <span key={w} className={`badge vs-warning vs-warning-${w}`}>
          {t(`tasks:warnings.${w}`)}
        </span>
      ))}
    </>
  );
}
