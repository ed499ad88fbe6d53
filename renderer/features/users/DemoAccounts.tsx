import { useTranslation } from 'react-i18next';
import type { DemoAccount } from '../../../shared/domain/users';

/** A demo centre only: the known demo passwords, so that anyone trying Hearth can sign in. */
export function DemoAccounts({ accounts }: { accounts: DemoAccount[] }) {
  const { t } = useTranslation(['users']);
  return (
    <section className="card demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">{t('users:demo.title')}</h2>
      <p className="field-hint">{t('users:demo.hint')}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('users:fields.name')}</th>
            <th>{t('users:fields.role')}</th>
            <th>{t('users:fields.password')}</th>
            <th>{t('users:fields.pin')}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.userId}>
              <td>{a.name}</td>
              <td>{t(`users:roles.${a.role}`)}</td>
              <td>
                <code>{a.password}</code>
              </td>
              <td>{a.pin ? <code>{a.pin}</code> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
