import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MERGE_FIELDS, scorePair, type MergeField } from '../../../shared/domain/matcher';
import type { Resident } from '../../../shared/domain/residents';
import { useCall, useMutate } from '../../app/api';
import { ApiError } from '../../bridge';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { useLabels } from '../../ui/labels';
import { MatchReasons } from './MatchReasons';
import './duplicates.css';

/** Two records side by side: the value to keep picked row by row, then one merge (residents.merge). */
export function MergeScreen() {
  const [params] = useSearchParams();
  const a = Number(params.get('survivor'));
  const b = Number(params.get('other'));
  // Reached without two records (a bookmark, the address typed): say how to pick them.
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a <= 0 || b <= 0 || a === b) return <PickTwo />;
  return <MergeLoader a={a} b={b} />;
}

function PickTwo() {
  const { t } = useTranslation(['residents']);
  return (
    <div>
      <div className="page-head">
        <h1>{t('residents:merge.title')}</h1>
      </div>
      <p>{t('residents:merge.pickTwo')}</p>
      <p>
        <Link to="/residents/duplicates">{t('residents:merge.openList')}</Link>
      </p>
    </div>
  );
}

function MergeLoader({ a, b }: { a: number; b: number }) {
  const { t } = useTranslation(['residents', 'common']);
  const first = useCall('residents.get', { id: a });
  const second = useCall('residents.get', { id: b });
  if (first.isError) return <ErrorNotice error={first.error} />;
  if (second.isError) return <ErrorNotice error={second.error} />;
  if (!first.data || !second.data) return <p className="loading">{t('common:loading')}</p>;
  return <MergeForm key={`${a}-${b}`} a={first.data.resident} b={second.data.resident} />;
}

function MergeForm(props: { a: Resident; b: Resident }) {
  const { t } = useTranslation(['residents', 'common']);
  const labels = useLabels();
  const navigate = useNavigate();
  const merge = useMutate('residents.merge');
  const [swapped, setSwapped] = useState(false);
  const survivor = swapped ? props.b : props.a;
  const other = swapped ? props.a : props.b;
  const [picks, setPicks] = useState<Record<MergeField, 'survivor' | 'other'>>(
    () => Object.fromEntries(MERGE_FIELDS.map((f) => [f, 'survivor'])) as Record<MergeField, 'survivor' | 'other'>,
  );
  const match = scorePair(survivor, other);
  const dash = t('common:none');
  const shown: Record<MergeField, { label: string; value: (r: Resident) => string }> = {
    lastName: { label: t('residents:form.lastName'), value: (r) => r.lastName },
    firstName: { label: t('residents:form.firstName'), value: (r) => r.firstName },
    patronymic: { label: t('residents:form.patronymic'), value: (r) => r.patronymic },
    birthYear: { label: t('residents:form.birthYear'), value: (r) => (r.birthYear === null ? '' : String(r.birthYear)) },
    address: { label: t('residents:form.address'), value: (r) => r.address },
    phones: { label: t('residents:form.phone'), value: (r) => r.phones.join(', ') },
    notes: { label: t('residents:form.notes'), value: (r) => r.notes },
    situations: { label: t('residents:form.situation'), value: (r) => r.situations.map(labels.situation).join(', ') },
  };
  const issues = merge.error instanceof ApiError ? (merge.error.body.fields ?? []) : [];
  const confirm = async () => {
    if (merge.isPending) return;
    try {
      const saved = await merge.mutateAsync({ survivorId: survivor.id, otherId: other.id, fields: picks });
      void navigate(`/residents/${saved.id}`);
    } catch {
      // Shown below.
    }
  };
  return (
    <div>
      <div className="page-head">
        <h1>{t('residents:merge.title')}</h1>
      </div>
      <p className="field-hint">{t('residents:merge.intro')}</p>
      <p>
        <MatchReasons verdict={match.verdict} score={match.score} reasons={match.reasons} />
      </p>
      <table className="card merge-table">
        <thead>
          <tr>
            <th scope="col">{t('residents:merge.field')}</th>
            <th scope="col">
              {t('residents:merge.keeps')}: {survivor.fullName}
            </th>
            <th scope="col">
              {t('residents:merge.goes')}: {other.fullName}
            </th>
          </tr>
        </thead>
        <tbody>
          {MERGE_FIELDS.map((f) => {
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
          {t('residents:merge.confirm')}
        </button>
        <button type="button" onClick={() => setSwapped((s) => !s)}>
          {t('residents:merge.swap')}
        </button>
        <button type="button" onClick={() => void navigate(-1)}>
          {t('common:cancel')}
        </button>
      </div>
    </div>
  );
}
