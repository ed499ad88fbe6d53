import { useTranslation } from 'react-i18next';
import { useCall, useMutate } from '../../app/api';
import { ErrorNotice } from '../../ui/ErrorNotice';

/**
 * Settings › Access from other computers (admin only): browser mode stays on this computer unless
 * the admin allows the local network; the risk is stated in words before the button.
 */
export function HostingSection() {
  const { t } = useTranslation(['hosting']);
  const hosting = useCall('hosting.get', {}, { retry: false });
  const save = useMutate('hosting.setAllowLan');
  // Not an admin (forbidden) or not loaded: nothing to show.
  if (!hosting.data) return null;
  const allowLan = hosting.data.allowLan;
  return (
    <section className="card" aria-labelledby="hosting-title">
      <h2 id="hosting-title">{t('hosting:title')}</h2>
      <p>
        <strong>{allowLan ? t('hosting:stateLan') : t('hosting:stateLocal')}</strong>
      </p>
      <p className="notice notice-warning">{t('hosting:risk')}</p>
      <p>{t('hosting:signInRequired')}</p>
      <p className="field-hint">{t('hosting:nextStart')}</p>
      <ErrorNotice error={save.error} />
      {save.isSuccess ? (
        <div className="notice notice-success" role="status">
          {save.data.allowLan ? t('hosting:savedLan') : t('hosting:savedLocal')}
        </div>
      ) : null}
      <div className="actions">
        <button type="button" className={allowLan ? 'primary' : undefined} disabled={save.isPending} onClick={() => save.mutate({ allowLan: !allowLan })}>
          {allowLan ? t('hosting:refuse') : t('hosting:allow')}
        </button>
      </div>
    </section>
  );
}
