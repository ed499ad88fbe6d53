import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import { useAidText } from './aidText';
import './aid.css';

/** On a resident's page: the in-kind aid they and their household received (the desk, coordinators, admins). */
export function ResidentAid({ residentId, role }: { residentId: number; role: string | undefined }) {
  if (role !== 'frontdesk' && role !== 'coordinator' && role !== 'admin') return null;
  return <Received residentId={residentId} />;
}

function Received({ residentId }: { residentId: number }) {
  const text = useAidText();
  const { t } = text;
  const format = useFormat();
  const aid = useCall('aid.ofResident', { residentId });
  if (aid.isError) return <ErrorNotice error={aid.error} />;
  if (!aid.data) return null;
  return (
    <section className="card resident-aid" aria-labelledby="resident-aid-title">
      <h2 id="resident-aid-title">{t('aid:resident.title')}</h2>
      {aid.data.rows.length === 0 ? (
        <p className="muted">{t('aid:resident.none')}</p>
      ) : (
        <ul>
          {aid.data.rows.map((r) => (
            <li key={r.movementId}>
              {format.date(r.on)}: {text.item({ name: r.itemName, size: r.size })} — {text.qty(r.quantity, r.unit)}
              {r.to === 'household' ? ` (${t('aid:resident.household')})` : null}
              {r.to === 'member' && r.memberName ? ` (${t('aid:resident.member', { name: r.memberName })})` : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
