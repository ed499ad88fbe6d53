import { useTranslation } from 'react-i18next';
import type { StorageWarning } from '../../../shared/domain/backups';

/** Why a data folder on a network share or in a sync folder is dangerous for the database. */
export function StorageWarnings({ warnings }: { warnings: StorageWarning[] }) {
  const { t } = useTranslation('backups');
  return (
    <>
      {warnings.map((w) => (
        <div key={w.code} className="notice notice-warning" role="alert">
          {w.code === 'syncFolder' ? t('backups:warnings.syncFolder', { service: w.service }) : t('backups:warnings.networkShare', { kind: w.detail })}
        </div>
      ))}
    </>
  );
}
