import { Route, Routes } from 'react-router';
import { UsersScreen } from './UsersScreen';
import { UserEditScreen } from './UserEditScreen';

/** The screens of this feature, mounted by App.tsx under /admin/users. */
export function UsersRoutes() {
  return (
    <Routes>
      <Route index element={<UsersScreen />} />
      <Route path="new" element={<UserEditScreen />} />
      <Route path=":id" element={<UserEditScreen />} />
    </Routes>
  );
}
