import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCall } from '../../app/api';
import { useFormat } from '../../ui/format';

/** One line on a resident's page when they are or were in the temporary shelter (the latest stay). */
export function ResidentShelter({ residentId, role }: { residentId: number; role: string | undefined }) {
  if (role !== 'frontdesk' && role !== 'coordinator' && role !== 'admin') return null;
  return <Line residentId={residentId} />;
}

function Line({ residentId }: { residentId: number }) {
  const { t } = useTranslation(['shelter']);
  const format = useFormat();
  const stays = useCall('shelter.ofResident', { residentId });
  const last = stays.data?.[0];
  if (!last) return null;
  return (
    <p className="resident-shelter">
      <Link to="/shelter">
        {last.checkedOutOn === null
          ? t('shelter:resident.now', { date: format.date(last.checkedInOn), shelter: last.shelterName })
          : t('shelter:resident.past', { from: format.date(last.checkedInOn), to: format.date(last.checkedOutOn), shelter: last.shelterName })}
      </Link>
    </p>
  );
}
