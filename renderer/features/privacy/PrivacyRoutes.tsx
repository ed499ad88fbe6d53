import { Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The screens of this feature, mounted by App.tsx under its path. */
export function PrivacyRoutes() {
  const { t } = useTranslation();
  return (
    <Routes>
      <Route index element={<h1>{t('privacy:title')}</h1>} />
    </Routes>
  );
}
