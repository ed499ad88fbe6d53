import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from './api';
import { mayOpen, type GuardedScreen } from './access';

/**
 * A screen its user's role may not use (reached by its address, a bookmark or an old link): one
 * sentence in words, and the way back, within the first answer of app.status.
 */
export function RoleGate({ screen, children }: { screen: GuardedScreen; children: ReactNode }) {
  const { t } = useTranslation();
  const status = useCall('app.status', {});
  const role = status.data?.user.role;
  if (!role || mayOpen(role, screen)) return children;
  return (
    <section className="card not-for-role" aria-labelledby="not-for-role-title">
      <h1 id="not-for-role-title">{t('common:notForRole.title')}</h1>
      <p>{t('common:notForRole.text', { role: t(`users:roles.${role}`) })}</p>
      <p>
        <Link to="/" className="button primary">
          {t('common:notForRole.back')}
        </Link>
      </p>
    </section>
  );
}
