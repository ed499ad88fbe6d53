import { useCallback, useEffect, useMemo, useState } from 'react';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { HashRouter, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createQueryClient, forgetPersonalData, listenForChanges, useCall } from './api';
import { changeLanguage, storedLanguage } from './i18n';
import { Layout } from './Layout';
import { ErrorNotice } from '../ui/ErrorNotice';
import { FirstRun } from '../features/setup/FirstRun';
import { HomeScreen } from '../features/frontdesk/HomeScreen';
import { ResidentsScreen } from '../features/residents/ResidentsScreen';
import { ResidentPage } from '../features/residents/ResidentPage';
import { ResidentEditScreen } from '../features/residents/ResidentEditScreen';
import { NewRequestScreen } from '../features/requests/NewRequestScreen';
import { RequestsScreen } from '../features/requests/RequestsScreen';
import { RequestPage } from '../features/requests/RequestPage';
import { CatalogueScreen } from '../features/catalogue/CatalogueScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { BackupsScreen } from '../features/backups/BackupsScreen';
import { RecoveryScreen } from '../features/backups/RecoveryScreen';
import { VolunteersScreen } from '../features/volunteers/VolunteersScreen';
import { VolunteerPage } from '../features/volunteers/VolunteerPage';
import { VolunteerEditScreen } from '../features/volunteers/VolunteerEditScreen';
import { TaskPage } from '../features/tasks/TaskPage';
import { BoardScreen } from '../features/board/BoardScreen';
import { PrintDayScreen } from '../features/board/PrintDayScreen';
import { PrintRouteScreen } from '../features/board/PrintRouteScreen';
import { SnowDayScreen } from '../features/plans/SnowDayScreen';
import { CareScreen } from '../features/plans/CareScreen';
import { ReportsScreen } from '../features/plans/ReportsScreen';
import { TillRoutes } from '../features/till/TillRoutes';
import { CashbookRoutes } from '../features/cashbook/CashbookRoutes';
import { FundingRoutes } from '../features/funding/FundingRoutes';
import { CashflowRoutes } from '../features/cashflow/CashflowRoutes';
import { UsersRoutes } from '../features/users/UsersRoutes';
import { AccountScreen } from '../features/users/AccountScreen';
import { SignInScreen } from '../features/users/SignInScreen';
import { LockScreen } from '../features/users/LockScreen';
import { ClaimAdminScreen } from '../features/users/ClaimAdminScreen';
import { endSession, IdleLock, lockSession, SessionContext, type SessionControl } from '../features/users/session';
import { AuditRoutes } from '../features/audit/AuditRoutes';
import { PrivacyRoutes } from '../features/privacy/PrivacyRoutes';

function Gate() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useCall('app.status', {});
  const userLanguage = status.data?.user.language ?? null;
  const state = status.data?.session.state;
  // Locked here already (before the core has answered): the screens are gone at once.
  const [lockedHere, setLockedHere] = useState(false);
  useEffect(() => {
    // The user's own language wins over the browser's, unless this browser chose one already
    // (signing in applies the user's language: SignInScreen).
    if (userLanguage && storedLanguage() === null) void changeLanguage(userLanguage);
  }, [userLanguage]);
  useEffect(() => {
    // Locked or signed out by the core (idle backstop, OS lock screen, another tab): drop the data.
    if (state === 'locked' || state === 'signedOut') forgetPersonalData(client);
  }, [state, client]);

  const refresh = useCallback(() => client.invalidateQueries({ queryKey: ['app', 'app.status'] }), [client]);
  const control = useMemo<SessionControl>(
    () => ({
      lock: () => {
        setLockedHere(true);
        forgetPersonalData(client);
        void lockSession().then(refresh);
      },
      signOut: () => {
        setLockedHere(false);
        forgetPersonalData(client);
        void endSession().then(refresh);
      },
    }),
    [client, refresh],
  );

  if (status.isPending) return <p className="loading">{t('common:loading')}</p>;
  if (status.isError) {
    return (
      <main className="page narrow">
        <ErrorNotice error={status.error} />
      </main>
    );
  }
  if (status.data.recovery) return <RecoveryScreen detail={status.data.recovery.detail} />;
  if (!status.data.setupDone) return <FirstRun />;
  const session = status.data.session;
  if (session.needsAdminPassword && session.state !== 'active') return <ClaimAdminScreen />;
  if (session.state === 'signedOut') return <SignInScreen status={status.data} />;
  if (lockedHere || session.state === 'locked') {
    return (
      <SessionContext.Provider value={control}>
        <LockScreen status={status.data} onUnlocked={() => setLockedHere(false)} />
      </SessionContext.Provider>
    );
  }
  return (
    <SessionContext.Provider value={control}>
      <IdleLock minutes={session.idleLockMinutes} />
      <Layout status={status.data}>
        <Routes>
          <Route index element={<HomeScreen />} />
          <Route path="residents" element={<ResidentsScreen />} />
          <Route path="residents/new" element={<ResidentEditScreen />} />
          <Route path="residents/:id" element={<ResidentPage />} />
          <Route path="residents/:id/edit" element={<ResidentEditScreen />} />
          <Route path="requests" element={<RequestsScreen />} />
          <Route path="requests/new" element={<NewRequestScreen />} />
          <Route path="requests/:id" element={<RequestPage />} />
          <Route path="catalogue" element={<CatalogueScreen />} />
          <Route path="settings" element={<SettingsScreen />} />
          <Route path="backups" element={<BackupsScreen />} />
          <Route path="volunteers" element={<VolunteersScreen />} />
          <Route path="volunteers/new" element={<VolunteerEditScreen />} />
          <Route path="volunteers/:id" element={<VolunteerPage />} />
          <Route path="volunteers/:id/edit" element={<VolunteerEditScreen />} />
          <Route path="tasks/:id" element={<TaskPage />} />
          <Route path="board" element={<BoardScreen />} />
          <Route path="print/day" element={<PrintDayScreen />} />
          <Route path="print/route" element={<PrintRouteScreen />} />
          <Route path="snow-day" element={<SnowDayScreen />} />
          <Route path="care" element={<CareScreen />} />
          <Route path="reports" element={<ReportsScreen />} />
          <Route path="till/*" element={<TillRoutes />} />
          <Route path="cashbook/*" element={<CashbookRoutes />} />
          <Route path="funding/*" element={<FundingRoutes />} />
          <Route path="cashflow/*" element={<CashflowRoutes />} />
          <Route path="admin/users/*" element={<UsersRoutes />} />
          <Route path="account" element={<AccountScreen />} />
          <Route path="admin/audit/*" element={<AuditRoutes />} />
          <Route path="admin/privacy/*" element={<PrivacyRoutes />} />
          <Route path="*" element={<HomeScreen />} />
        </Routes>
      </Layout>
    </SessionContext.Provider>
  );
}

export function App() {
  const [client] = useState(createQueryClient);
  useEffect(() => listenForChanges(client), [client]);
  return (
    <QueryClientProvider client={client}>
      <HashRouter>
        <Gate />
      </HashRouter>
    </QueryClientProvider>
  );
}
