import { NavLink, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SaleScreen } from './SaleScreen';
import { PricesScreen } from './PricesScreen';
import { CashUpScreen } from './CashUpScreen';
import { ReceiptScreen } from './ReceiptScreen';
import './till.css';

/** The till's own row of links: sell, the price list, the day's cash-up. */
function TillHead() {
  const { t } = useTranslation(['till']);
  return (
    <div className="page-head till-head">
      <h1>{t('till:title')}</h1>
      <nav className="till-nav" aria-label={t('till:nav.label')}>
        <NavLink to="/till" end>
          {t('till:nav.sell')}
        </NavLink>
        <NavLink to="/till/prices">{t('till:nav.prices')}</NavLink>
        <NavLink to="/till/cashup">{t('till:nav.cashUp')}</NavLink>
      </nav>
    </div>
  );
}

/** The screens of this feature, mounted by App.tsx under /till. */
export function TillRoutes() {
  return (
    <Routes>
      <Route
        index
        element={
          <>
            <TillHead />
            <SaleScreen />
          </>
        }
      />
      <Route
        path="prices"
        element={
          <>
            <TillHead />
            <PricesScreen />
          </>
        }
      />
      <Route
        path="cashup"
        element={
          <>
            <TillHead />
            <CashUpScreen />
          </>
        }
      />
      <Route path="receipt/:id" element={<ReceiptScreen />} />
    </Routes>
  );
}
