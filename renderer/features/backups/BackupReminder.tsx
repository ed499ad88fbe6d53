import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { StorageWarnings } from './StorageWarnings';

/** On the admin's home screen: the last copy outside this PC is too old, or the folder is unsafe. */
export function BackupReminder({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useTranslation('backups');
  const status = useCall('backups.status', {}, { enabled: isAdmin });
  if (!isAdmin || !status.data) return null;
  return (
    <>
      {status.data.reminderDue ? (
        <div className="notice notice-warning" role="status">
          {t('backups:reminder', { count: status.data.reminderDays })} <Link to="/backups">{t('backups:goToBackups')}</Link>
        </div>
      ) : null}
      <StorageWarnings warnings={status.data.warnings} />
      {status.data.integrity ? (
        <div className="notice notice-error" role="alert">
          {t('backups:integrityProblem')} <Link to="/backups">{t('backups:goToBackups')}</Link>
        </div>
      ) : null}
    </>
  );
}
