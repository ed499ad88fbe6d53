import { useTranslation } from 'react-i18next';
import type { MatchReason, Verdict } from '../../../shared/domain/matcher';

/** A candidate's verdict, score and reasons, as the matcher gave them (residents:matcher.*). */
export function MatchReasons(props: { verdict: Verdict; score: number; reasons?: readonly MatchReason[] | undefined }) {
  const { t } = useTranslation(['residents']);
  return (
    <span className="match-reasons">
      <span className={`badge match-${props.verdict}`}>{t(`residents:matcher.verdict.${props.verdict}`)}</span>{' '}
      <span className="match-score">{t('residents:matcher.score', { percent: Math.round(props.score * 100) })}</span>
      {props.reasons && props.reasons.length > 0 ? (
        <span className="match-why" aria-label={t('residents:matcher.reasons')}>
          {' · '}
          {props.reasons.map((r) => t(`residents:matcher.reason.${r}`)).join(', ')}
        </span>
      ) : null}
    </span>
  );
}
