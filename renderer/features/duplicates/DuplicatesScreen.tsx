import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { MatchReasons } from './MatchReasons';
import './duplicates.css';

/**
 * Pairs of records that may be one person (residents.duplicatePairs), page after page as the
 * register is walked in order; each pair opens the merge screen.
 */
export function DuplicatesScreen() {
  const { t } = useTranslation(['residents', 'common']);
  const [cursors, setCursors] = useState<Array<number | undefined>>([undefined]);
  return (
    <div>
      <div className="page-head">
        <h1>{t('residents:duplicatesList.title')}</h1>
      </div>
      <p className="field-hint">{t('residents:duplicatesList.intro')}</p>
      <ul className="duplicate-pairs" aria-label={t('residents:duplicatesList.pairs')}>
        {cursors.map((cursor, i) => (
          <PairsPage key={cursor ?? 'first'} cursor={cursor} last={i === cursors.length - 1} onMore={(next) => setCursors((c) => [...c, next])} />
        ))}
      </ul>
    </div>
  );
}

function PairsPage(props: { cursor: number | undefined; last: boolean; onMore: (next: number) => void }) {
  const { t } = useTranslation(['residents', 'common']);
  const page = useCall('residents.duplicatePairs', { ...(props.cursor !== undefined ? { cursor: props.cursor } : {}), limit: 25 });
  if (page.isError) return <ErrorNotice error={page.error} />;
  if (!page.data) return <li className="loading">{t('common:loading')}</li>;
  const { pairs, nextCursor } = page.data;
  return (
    <>
      {pairs.map((p) => (
        <li key={`${p.a.id}-${p.b.id}`} className="card duplicate-pair">
          <div className="pair-people">
            {[p.a, p.b].map((r) => (
              <div key={r.id}>
                <Link to={`/residents/${r.id}`}>
                  <strong>{r.fullName}</strong>
                </Link>
                <div className="field-hint">{[r.birthYear ?? '', r.address, r.phones.join(', ')].filter((x) => x !== '').join(' · ')}</div>
              </div>
            ))}
          </div>
          <MatchReasons verdict={p.verdict} score={p.score} reasons={p.reasons} />
          <Link className="button" to={`/residents/merge?survivor=${p.a.id}&other=${p.b.id}`}>
            {t('residents:duplicatesList.compare')}
          </Link>
        </li>
      ))}
      {props.last && pairs.length === 0 && nextCursor === null ? <li>{t('residents:duplicatesList.empty')}</li> : null}
      {props.last && nextCursor !== null ? (
        <li>
          <button type="button" onClick={() => props.onMore(nextCursor)}>
            {t('residents:duplicatesList.more')}
          </button>
        </li>
      ) : null}
    </>
  );
}
