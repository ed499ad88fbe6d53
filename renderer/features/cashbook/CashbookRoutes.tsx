import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The screens of this feature, mounted by App.tsx under its path. */
export function CashbookRoutes() {
  const { t } = useTranslation();
  return (
    <Routes>
      <Route index element={<h1>{t('cashbook:title')}</h1>} />
    </Routes>
  );
}
