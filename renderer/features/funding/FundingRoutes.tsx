import type { ReactNode } from 'react';
import { Link, NavLink, Route, Routes, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../app/api';
import { GrantsScreen } from './GrantsScreen';
import { GrantScreen } from './GrantScreen';
import { BudgetScreen } from './BudgetScreen';
import { RentScreen } from './RentScreen';
import { InKindScreen } from './InKindScreen';
import './funding.css';

/** The funding section's own row of tabs (grants, annual budget, rent, in-kind) and the overdue-rent notice. */
function FundingHead({ children }: { children: ReactNode }) {
  const { t } = useTranslation(['funding']);
  const overdue = useCall('rent.overdueCount', {});
  const count = overdue.data?.count ?? 0;
  const { pathname } = useLocation();
  // The grants tab stays lit on a grant's own page.
  const onGrants = pathname === '/funding' || pathname === '/funding/' || pathname.startsWith('/funding/grants');
  return (
    <>
      <div className="page-head fd-head">
        <h1>{t('funding:title')}</h1>
        <nav className="fd-nav" aria-label={t('funding:nav.label')}>
          <NavLink to="/funding" end className={onGrants ? 'active' : undefined} aria-current={onGrants ? 'page' : undefined}>
            {t('funding:nav.grants')}
          </NavLink>
          <NavLink to="/funding/budget">{t('funding:nav.budget')}</NavLink>
          <NavLink to="/funding/rent">
            {t('funding:nav.rent')}
            {count > 0 ? (
              <span className="badge fd-count" aria-label={t('funding:rent.overdueCount', { count })}>
                {count}
              </span>
            ) : null}
          </NavLink>
          <NavLink to="/funding/in-kind">{t('funding:nav.inKind')}</NavLink>
        </nav>
      </div>
      {count > 0 ? (
        <div className="notice notice-warning fd-overdue-notice" role="status">
          {t('funding:rent.overdueNotice', { count })} <Link to="/funding/rent">{t('funding:rent.openOverdue')}</Link>
        </div>
      ) : null}
      {children}
    </>
  );
}

/** The screens of this feature, mounted by App.tsx under /funding. */
export function FundingRoutes() {
  const page = (node: ReactNode) => <FundingHead>{node}</FundingHead>;
  return (
    <Routes>
      <Route index element={page(<GrantsScreen />)} />
      <Route path="grants/:id" element={page(<GrantScreen />)} />
      <Route path="budget" element={page(<BudgetScreen />)} />
      <Route path="rent" element={page(<RentScreen />)} />
      <Route path="in-kind" element={page(<InKindScreen />)} />
    </Routes>
  );
}
