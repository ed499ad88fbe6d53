import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { VOLUNTEER_MERGE_FIELDS, type Volunteer, type VolunteerMergeField } from '../../../shared/domain/volunteers';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import { MergeCompare, type MergeLine } from '../duplicates/MergeCompare';
import { useVolunteerLabels } from './volunteerLabels';
import './volunteers.css';

const isId = (n: number) => Number.isSafeInteger(n) && n > 0;

/**
 * Two records of one volunteer merged (volunteers.merge): reached from a volunteer's page with
 * `survivor`; the other is picked by search, then the value to keep is picked row by row.
 */
export function VolunteerMergeScreen() {
  const [params] = useSearchParams();
  const a = Number(params.get('survivor'));
  const b = Number(params.get('other'));
  if (!isId(a)) return <PickFirst />;
  if (!isId(b) || a === b) return <PickOther survivorId={a} />;
  return <MergeLoader a={a} b={b} />;
}

function PickFirst() {
  const { t } = useTranslation(['volunteers']);
  return (
    <div>
      <div className="page-head">
        <h1>{t('volunteers:merge.title')}</h1>
      </div>
      <p>{t('volunteers:merge.pickFirst')}</p>
      <p>
        <Link to="/volunteers">{t('volunteers:merge.openList')}</Link>
      </p>
    </div>
  );
}

/** The other record, found by name, settlement or phone. */
function PickOther({ survivorId }: { survivorId: number }) {
  const { t } = useTranslation(['volunteers', 'common']);
  const [, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const survivor = useCall('volunteers.get', { id: survivorId });
  const found = useCall('volunteers.search', { q, limit: 20 }, { enabled: q.trim().length > 0 });
  if (survivor.isError) return <ErrorNotice error={survivor.error} />;
  const others = (found.data ?? []).filter((v) => v.id !== survivorId);
  return (
    <div>
      <div className="page-head">
        <h1>{t('volunteers:merge.title')}</h1>
      </div>
      <p>{survivor.data ? t('volunteers:merge.pickOther', { name: survivor.data.volunteer.fullName }) : t('common:loading')}</p>
      <div className="field">
        <label htmlFor="merge-search">{t('volunteers:merge.search')}</label>
        <input id="merge-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoFocus />
      </div>
      {q.trim().length > 0 && found.data ? (
        others.length > 0 ? (
          <ul className="merge-candidates">
            {others.map((v) => (
              <li key={v.id}>
                <button type="button" onClick={() => setParams({ survivor: String(survivorId), other: String(v.id) })}>
                  {v.fullName}
                </button>
                {v.settlement ? <span className="muted"> · {v.settlement}</span> : null}
                {v.phones.length > 0 ? <span className="muted"> · {v.phones.join(', ')}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('volunteers:merge.noneFound')}</p>
        )
      ) : null}
      <div className="actions">
        <Link to={`/volunteers/${survivorId}`} className="button">
          {t('common:cancel')}
        </Link>
      </div>
    </div>
  );
}

function MergeLoader({ a, b }: { a: number; b: number }) {
  const { t } = useTranslation(['common']);
  const first = useCall('volunteers.get', { id: a });
  const second = useCall('volunteers.get', { id: b });
  if (first.isError) return <ErrorNotice error={first.error} />;
  if (second.isError) return <ErrorNotice error={second.error} />;
  if (!first.data || !second.data) return <p className="loading">{t('common:loading')}</p>;
  return <MergeForm key={`${a}-${b}`} a={first.data.volunteer} b={second.data.volunteer} />;
}

function MergeForm(props: { a: Volunteer; b: Volunteer }) {
  const { t } = useTranslation(['volunteers', 'common']);
  const labels = useVolunteerLabels();
  const format = useFormat();
  const navigate = useNavigate();
  const merge = useMutate('volunteers.merge');
  const lines: Record<VolunteerMergeField, MergeLine<Volunteer>> = {
    lastName: { label: t('volunteers:form.lastName'), value: (v) => v.lastName },
    firstName: { label: t('volunteers:form.firstName'), value: (v) => v.firstName },
    patronymic: { label: t('volunteers:form.patronymic'), value: (v) => v.patronymic },
    settlement: { label: t('volunteers:page.settlement'), value: (v) => v.settlement },
    specialist: { label: t('volunteers:page.specialist'), value: (v) => (v.specialist !== null ? labels.specialist(v.specialist) : t('volunteers:form.notSpecialist')) },
    agreementSignedOn: {
      label: t('volunteers:page.agreement'),
      value: (v) => (v.agreementSignedOn !== null ? format.date(v.agreementSignedOn) : t('volunteers:page.notSigned')),
    },
    notes: { label: t('volunteers:page.notes'), value: (v) => v.notes },
  };
  return (
    <MergeCompare
      ns="volunteers"
      a={props.a}
      b={props.b}
      fields={VOLUNTEER_MERGE_FIELDS}
      lines={lines}
      merge={merge}
      onMerged={(id) => void navigate(`/volunteers/${id}`)}
      onCancel={() => void navigate(`/volunteers/${props.a.id}`)}
    />
  );
}
