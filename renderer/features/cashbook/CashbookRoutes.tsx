import { NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { EntriesScreen } from './EntriesScreen';
import { AccountsScreen } from './AccountsScreen';
import { CategoriesScreen } from './CategoriesScreen';
import { ReimbursementsScreen } from './ReimbursementsScreen';
import { useCall } from '../../app/api';
import './cashbook.css';

/** The cash book's own row of links: entries, accounts, categories, reimbursements; its h1 names the open one too ("Cash book — Accounts"). */
function CashbookHead({ screen, children }: { screen: 'entries' | 'accounts' | 'categories' | 'reimbursements'; children: ReactNode }) {
  const { t } = useTranslation(['cashbook']);
  const pending = useCall('cashbook.pendingAdvances', {});
  const count = pending.data?.length ?? 0;
  return (
    <>
      <div className="page-head cb-head">
        <h1>
          {t('cashbook:title')} <span className="page-head-screen">— {t(`cashbook:nav.${screen}`)}</span>
        </h1>
        <nav className="cb-nav" aria-label={t('cashbook:nav.label')}>
          <NavLink to="/cashbook" end>
            {t('cashbook:nav.entries')}
          </NavLink>
          <NavLink to="/cashbook/accounts">{t('cashbook:nav.accounts')}</NavLink>
          <NavLink to="/cashbook/categories">{t('cashbook:nav.categories')}</NavLink>
          <NavLink to="/cashbook/reimbursements">
            {t('cashbook:nav.reimbursements')}
            {count > 0 ? <span className="badge cb-count">{count}</span> : null}
          </NavLink>
        </nav>
      </div>
      {children}
    </>
  );
}

/** The screens of this feature, mounted by App.tsx under /cashbook. */
export function CashbookRoutes() {
  return (
    <Routes>
      <Route
        index
        element={
          <CashbookHead screen="entries">
            <EntriesScreen />
          </CashbookHead>
        }
      />
      <Route
        path="accounts"
        element={
          <CashbookHead screen="accounts">
            <AccountsScreen />
          </CashbookHead>
        }
      />
      <Route
        path="categories"
        element={
          <CashbookHead screen="categories">
            <CategoriesScreen />
          </CashbookHead>
        }
      />
      <Route
        path="reimbursements"
        element={
          <CashbookHead screen="reimbursements">
            <ReimbursementsScreen />
          </CashbookHead>
        }
      />
    </Routes>
  );
}
