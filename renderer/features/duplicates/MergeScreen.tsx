import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MERGE_FIELDS, scorePair, type MergeField } from '../../../shared/domain/matcher';
import type { Resident } from '../../../shared/domain/residents';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useLabels } from '../../ui/labels';
import { MatchReasons } from './MatchReasons';
import { MergeCompare, type MergeLine } from './MergeCompare';
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
  const lines: Record<MergeField, MergeLine<Resident>> = {
    lastName: { label: t('residents:form.lastName'), value: (r) => r.lastName },
    firstName: { label: t('residents:form.firstName'), value: (r) => r.firstName },
    patronymic: { label: t('residents:form.patronymic'), value: (r) => r.patronymic },
    birthYear: { label: t('residents:form.birthYear'), value: (r) => (r.birthYear === null ? '' : String(r.birthYear)) },
    address: { label: t('residents:form.address'), value: (r) => r.address },
    phones: { label: t('residents:form.phone'), value: (r) => r.phones.join(', ') },
    notes: { label: t('residents:form.notes'), value: (r) => r.notes },
    situations: { label: t('residents:form.situation'), value: (r) => r.situations.map(labels.situation).join(', ') },
  };
  return (
    <MergeCompare
      ns="residents"
      a={props.a}
      b={props.b}
      fields={MERGE_FIELDS}
      lines={lines}
      above={(survivor, other) => {
        const match = scorePair(survivor, other);
        return <MatchReasons verdict={match.verdict} score={match.score} reasons={match.reasons} />;
      }}
      merge={merge}
      onMerged={(id) => void navigate(`/residents/${id}`)}
      onCancel={() => void navigate(-1)}
    />
  );
}
