import { useTranslation } from 'react-i18next';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useFormat } from '../../ui/format';
import { LanguageSwitcher } from '../../app/LanguageSwitcher';
import { downloadUrl } from '../../bridge/host';

/** The database failed its check at start-up: restore the newest verified backup. */
export function RecoveryScreen({ detail }: { detail: string }) {
  const { t } = useTranslation(['backups', 'common']);
  const format = useFormat();
  const list = useCall('backups.list', {});
  const restore = useMutate('backups.restore');
  const salvage = useMutate('export.full');
  const newest = (list.data ?? []).find((b) => b.verified && !b.encrypted);
  return (
    <main className="page narrow">
      <div className="page-head">
        <h1>{t('backups:recovery.title')}</h1>
        <LanguageSwitcher remember={false} />
      </div>
      <p className="lead">{t('backups:recovery.explain')}</p>
      <p className="field-hint">{t('backups:recovery.detail', { detail })}</p>
      <ErrorNotice error={list.error ?? restore.error ?? salvage.error} />
      {newest ? (
        <div className="card">
          <p>{t('backups:recovery.newest', { when: format.dateTime(newest.createdAt), residents: newest.residents, requests: newest.requests })}</p>
          <button type="button" className="primary" disabled={restore.isPending} onClick={() => restore.mutate({ id: newest.id })}>
            {t('backups:recovery.restore')}
          </button>
        </div>
      ) : (
        <div className="notice notice-warning">{t('backups:recovery.noBackup')}</div>
      )}
      <section className="card">
        <p>{t('backups:recovery.salvageHint')}</p>
        <div className="actions">
          <button type="button" disabled={salvage.isPending} onClick={() => salvage.mutate({})}>
            {t('backups:recovery.salvage')}
          </button>
          {salvage.data ? (
            <a className="button primary" href={downloadUrl('exports', salvage.data.id)} download={salvage.data.id}>
              {t('backups:export.download', { count: salvage.data.tables })}
            </a>
          ) : null}
        </div>
      </section>
    </main>
  );
}
