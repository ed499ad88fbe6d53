import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { VOLUNTEER_MERGE_FIELDS, type Volunteer, type VolunteerMergeField } from '../../../shared/domain/volunteers';
import { useCall, useMutate } from '../../app/api';
import { ApiError } from '../../bridge';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import { useVolunteerLabels } from './volunteerLabels';
import '../duplicates/duplicates.css';
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
  const [swapped, setSwapped] = useState(false);
  const survivor = swapped ? props.b : props.a;
  const other = swapped ? props.a : props.b;
  const [picks, setPicks] = useState<Record<VolunteerMergeField, 'survivor' | 'other'>>(
    () => Object.fromEntries(VOLUNTEER_MERGE_FIELDS.map((f) => [f, 'survivor'])) as Record<VolunteerMergeField, 'survivor' | 'other'>,
  );
  const dash = t('common:none');
  const shown: Record<VolunteerMergeField, { label: string; value: (v: Volunteer) => string }> = {
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
  const issues = merge.error instanceof ApiError ? (merge.error.body.fields ?? []) : [];
  const confirm = async () => {
    if (merge.isPending) return;
    try {
      const saved = await merge.mutateAsync({ survivorId: survivor.id, otherId: other.id, fields: picks });
      void navigate(`/volunteers/${saved.id}`);
    } catch {
      // Shown below.
    }
  };
  return (
    <div>
      <div className="page-head">
        <h1>{t('volunteers:merge.title')}</h1>
      </div>
      <p className="field-hint">{t('volunteers:merge.intro')}</p>
      <table className="card merge-table">
        <thead>
          <tr>
            <th scope="col">{t('volunteers:merge.field')}</th>
            <th scope="col">
              {t('volunteers:merge.keeps')}: {survivor.fullName}
            </th>
            <th scope="col">
              {t('volunteers:merge.goes')}: {other.fullName}
            </th>
          </tr>
        </thead>
        <tbody>
          {VOLUNTEER_MERGE_FIELDS.map((f) => {
            const mine = shown[f].value(survivor);
            const theirs = shown[f].value(other);
            return (
              <tr key={f}>
                <th scope="row">{shown[f].label}</th>
                {(['survivor', 'other'] as const).map((side) => (
                  <td key={side}>
                    <label>
                      <input
                        type="radio"
                        name={`merge-${f}`}
                        checked={picks[f] === side}
                        onChange={() => setPicks((p) => ({ ...p, [f]: side }))}
                        aria-label={`${shown[f].label}: ${(side === 'survivor' ? mine : theirs) || dash}`}
                      />
                      <span>{(side === 'survivor' ? mine : theirs) || dash}</span>
                    </label>
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
      {issues.length > 0 ? (
        <div role="alert" className="notice notice-error">
          {issues.map((i) => fieldText(t, i)).join(' ')}
        </div>
      ) : (
        <ErrorNotice error={merge.error} />
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void confirm()} disabled={merge.isPending}>
          {t('volunteers:merge.confirm')}
        </button>
        <button type="button" onClick={() => setSwapped((s) => !s)}>
          {t('volunteers:merge.swap')}
        </button>
        <button type="button" onClick={() => void navigate(`/volunteers/${props.a.id}`)}>
          {t('common:cancel')}
        </button>
      </div>
    </div>
  );
}
