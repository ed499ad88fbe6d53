import { Route, Routes } from 'react-router';
import { AuditScreen } from './AuditScreen';

/** The screens of this feature, mounted by App.tsx under /admin/audit. */
export function AuditRoutes() {
  return (
    <Routes>
      <Route index element={<AuditScreen />} />
    </Routes>
  );
}
