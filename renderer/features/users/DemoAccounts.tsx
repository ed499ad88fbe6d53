import { useTranslation } from 'react-i18next';
import type { DemoAccount } from '../../../shared/domain/users';
import { columnsOf, DataTable } from '../../ui/DataTable';

/** A demo centre only: the known demo passwords, so that anyone trying Hearth can sign in. */
export function DemoAccounts({ accounts }: { accounts: DemoAccount[] }) {
  const { t } = useTranslation(['users']);
  return (
    <section className="card demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">{t('users:demo.title')}</h2>
      <p className="field-hint">{t('users:demo.hint')}</p>
      <DataTable
        data={accounts}
        caption={t('users:demo.title')}
        empty="—"
        rowKey={(a) => String(a.userId)}
        columns={((col) => [
          col('name', t('users:fields.name'), (a) => a.name),
          col('role', t('users:fields.role'), (a) => t(`users:roles.${a.role}`)),
          col('password', t('users:fields.password'), (a) => <code>{a.password}</code>),
          col('pin', t('users:fields.pin'), (a) => (a.pin ? <code>{a.pin}</code> : '—')),
        ])(columnsOf(accounts))}
      />
    </section>
  );
}
