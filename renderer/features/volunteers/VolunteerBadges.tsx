import type { SkillRef, VolunteerStatus } from '../../../shared/domain/volunteers';
import { useVolunteerLabels } from './volunteerLabels';
import './volunteers.css';

export function VolunteerStatusBadge({ status }: { status: VolunteerStatus }) {
  const labels = useVolunteerLabels();
  return <span className={`badge volunteer-${status}`}>{labels.status(status)}</span>;
}

export function SkillBadges({ skills }: { skills: SkillRef[] }) {
  const labels = useVolunteerLabels();
  return (
    <span className="badges">
      {skills.map((s) => (
        <span key={s.id} className="badge skill">
          {labels.skill(s)}
        </span>
      ))}
    </span>
  );
}
