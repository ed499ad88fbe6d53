import { Route, Routes } from 'react-router';
import { CashflowScreen } from './CashflowScreen';

/** The screens of this feature, mounted by App.tsx under its path. */
export function CashflowRoutes() {
  return (
    <Routes>
      <Route index element={<CashflowScreen />} />
    </Routes>
  );
}
