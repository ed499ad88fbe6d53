import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ErasureResult } from '../../../shared/domain/privacy';
import { useFormat } from '../../ui/format';
import './privacy.css';

/**
 * The page of an erased person: what is left, and (right after the erasure) where the last name
 * is still written in text not linked to them, for the admin to look at.
 */
export function ErasedNotice(props: { residentId: number; erasedAt: string }) {
  const { t } = useTranslation(['privacy']);
  const format = useFormat();
  const state = useLocation().state as { erased?: ErasureResult } | null;
  const result = state?.erased?.residentId === props.residentId ? state.erased : undefined;
  return (
    <>
      <p className="notice notice-success erased-banner" role="status">
        {t('privacy:person.erasedOn', { date: format.date(props.erasedAt) })}
      </p>
      {result && !result.checkpointed ? <p className="notice notice-warning">{t('privacy:person.checkpointPending')}</p> : null}
      {result && result.mentionsElsewhere.length > 0 ? (
        <div className="notice notice-warning" role="alert">
          <p>{t('privacy:person.mentions', { count: result.mentionsElsewhere.length })}</p>
          <ul>
            {result.mentionsElsewhere.map((m) => (
              <li key={`${m.table}.${m.column}.${m.rowId}`}>{t('privacy:person.mention', { table: m.table, column: m.column, id: m.rowId })}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
