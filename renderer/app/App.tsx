import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { createHashRouter, Route, RouterProvider, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createQueryClient, forgetPersonalData, listenForChanges, queryKeyOf, useCall } from './api';
import { applyLanguage, storedLanguage } from './i18n';
import { RoleGate } from './RoleGate';
import type { GuardedScreen } from './access';
import { Layout } from './Layout';
import { ErrorNotice } from '../ui/ErrorNotice';
import { ScreenBoundary } from '../ui/ErrorBoundary';
import { FirstRun } from '../features/setup/FirstRun';
import { HomeScreen } from '../features/frontdesk/HomeScreen';
import { ResidentsScreen } from '../features/residents/ResidentsScreen';
import { ResidentPage } from '../features/residents/ResidentPage';
import { ResidentEditScreen } from '../features/residents/ResidentEditScreen';
import { HouseholdNewScreen } from '../features/households/HouseholdNewScreen';
import { DuplicatesScreen } from '../features/duplicates/DuplicatesScreen';
import { MergeScreen } from '../features/duplicates/MergeScreen';
import { AssessmentEditScreen, AssessmentNewScreen } from '../features/assessments/AssessmentNewScreen';
import { AssessmentScreen } from '../features/assessments/AssessmentScreen';
import { AssessmentListsScreen } from '../features/assessments/AssessmentListsScreen';
import { FollowUpsScreen } from '../features/assessments/FollowUpsScreen';
import { CaseScreen } from '../features/cases/CaseScreen';
import { CasePrintScreen } from '../features/cases/CasePrintScreen';
import { CaseloadScreen } from '../features/cases/CaseloadScreen';
import { ProjectsScreen } from '../features/projects/ProjectsScreen';
import { ProjectEditScreen, ProjectNewScreen } from '../features/projects/ProjectNewScreen';
import { ProjectPage } from '../features/projects/ProjectPage';
import { EventsScreen } from '../features/events/EventsScreen';
import { EventEditScreen, EventNewScreen } from '../features/events/EventFormScreen';
import { EventPage } from '../features/events/EventPage';
import { EventPrintScreen } from '../features/events/EventPrintScreen';
import { ShelterScreen } from '../features/shelter/ShelterScreen';
import { ShelterHistoryScreen } from '../features/shelter/ShelterHistoryScreen';
import { AidItemScreen, AidStockScreen, DistributionDayScreen, DistributionPrintScreen } from '../features/aid/AidScreens';
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
import { VolunteerMergeScreen } from '../features/volunteers/VolunteerMergeScreen';
import { TaskPage } from '../features/tasks/TaskPage';
import { BoardScreen } from '../features/board/BoardScreen';
import { PrintDayScreen } from '../features/board/PrintDayScreen';
import { PrintRouteScreen } from '../features/board/PrintRouteScreen';
import { SnowDayScreen } from '../features/plans/SnowDayScreen';
import { CareScreen } from '../features/plans/CareScreen';
import { ReportsScreen } from '../features/plans/ReportsScreen';
import { ResultsScreen } from '../features/reports/ResultsScreen';
import { ResultsPrintScreen } from '../features/reports/ResultsPrintScreen';
import { FunderSafeScreen } from '../features/reports/FunderSafeScreen';
import { GrantReportScreen } from '../features/reports/GrantReportScreen';
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
import { ImportScreen } from '../features/import/ImportScreen';

/**
 * One route of the signed-in app, its element in an error boundary of its own that knows the
 * route's pattern (renderer/ui/ErrorBoundary.tsx): a screen that throws is replaced by a message,
 * and the header, the navigation and the other screens go on working.
 */
function screen(path: string, element: ReactNode, guard?: GuardedScreen) {
  return <Route path={path} element={<ScreenBoundary route={path}>{guard ? <RoleGate screen={guard}>{element}</RoleGate> : element}</ScreenBoundary>} />;
}

function Gate() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const status = useCall('app.status', {});
  const userLanguage = status.data?.user.language ?? null;
  const centreLanguage = status.data?.settings?.language ?? null;
  const state = status.data?.session.state;
  // Locked here already (before the core has answered): the screens are gone at once.
  const [lockedHere, setLockedHere] = useState(false);
  useEffect(() => {
    // A language this browser chose (the header's select) wins; then the user's own; then the
    // centre's: a Polish centre's sign-in, lock and first screens are Polish, and a user set to
    // "the centre's language" gets it rather than the browser's.
    if (storedLanguage() !== null) return;
    const language = userLanguage ?? centreLanguage;
    if (language) void applyLanguage(language);
  }, [userLanguage, centreLanguage]);
  useEffect(() => {
    // Locked or signed out by the core (idle backstop, OS lock screen, another tab): drop the data.
    if (state === 'locked' || state === 'signedOut') forgetPersonalData(client);
  }, [state, client]);

  const refresh = useCallback(() => client.invalidateQueries({ queryKey: queryKeyOf('app.status') }), [client]);
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
          <Route
            index
            element={
              <ScreenBoundary route="/">
                <HomeScreen />
              </ScreenBoundary>
            }
          />
          {screen('residents', <ResidentsScreen />, '/residents')}
          {screen('residents/new', <ResidentEditScreen />, '/residents')}
          {screen('residents/duplicates', <DuplicatesScreen />, '/residents/duplicates')}
          {screen('residents/merge', <MergeScreen />, '/residents/merge')}
          {screen('residents/:id', <ResidentPage />, '/residents')}
          {screen('residents/:id/edit', <ResidentEditScreen />, '/residents')}
          {screen('residents/:id/household/new', <HouseholdNewScreen />, '/residents')}
          {screen('residents/:id/assessments/new', <AssessmentNewScreen />, '/assessments')}
          {screen('assessments/due', <FollowUpsScreen />, '/assessments')}
          {screen('assessments/lists', <AssessmentListsScreen />, '/assessments')}
          {screen('assessments/:id', <AssessmentScreen />, '/assessments')}
          {screen('cases/:id', <CaseScreen />, '/cases')}
          {screen('cases/:id/print', <CasePrintScreen />, '/cases')}
          {screen('caseload', <CaseloadScreen />, '/caseload')}
          {screen('shelter', <ShelterScreen />, '/shelter')}
          {screen('shelter/history', <ShelterHistoryScreen />, '/shelter')}
          {screen('projects', <ProjectsScreen />, '/projects')}
          {screen('projects/new', <ProjectNewScreen />, '/projects')}
          {screen('projects/:id', <ProjectPage />, '/projects')}
          {screen('projects/:id/edit', <ProjectEditScreen />, '/projects')}
          {screen('events', <EventsScreen />, '/events')}
          {screen('events/new', <EventNewScreen />, '/events')}
          {screen('events/:id', <EventPage />, '/events')}
          {screen('events/:id/edit', <EventEditScreen />, '/events')}
          {screen('events/:id/print', <EventPrintScreen />, '/events')}
          {screen('aid', <AidStockScreen />, '/aid')}
          {screen('aid/items/:id', <AidItemScreen />, '/aid')}
          {screen('aid/day', <DistributionDayScreen />, '/aid/day')}
          {screen('aid/day/print', <DistributionPrintScreen />, '/aid/day')}
          {screen('assessments/:id/edit', <AssessmentEditScreen />, '/assessments')}
          {screen('requests', <RequestsScreen />, '/requests')}
          {screen('requests/new', <NewRequestScreen />, '/requests')}
          {screen('requests/:id', <RequestPage />, '/requests')}
          {screen('catalogue', <CatalogueScreen />)}
          {screen('settings', <SettingsScreen />)}
          {screen('backups', <BackupsScreen />, '/backups')}
          {screen('volunteers', <VolunteersScreen />, '/volunteers')}
          {screen('volunteers/new', <VolunteerEditScreen />, '/volunteers')}
          {screen('volunteers/:id', <VolunteerPage />, '/volunteers')}
          {screen('volunteers/:id/edit', <VolunteerEditScreen />, '/volunteers')}
          {screen('volunteers/merge', <VolunteerMergeScreen />, '/volunteers/merge')}
          {screen('tasks/:id', <TaskPage />, '/tasks')}
          {screen('board', <BoardScreen />, '/board')}
          {screen('print/day', <PrintDayScreen />, '/board')}
          {screen('print/route', <PrintRouteScreen />, '/board')}
          {screen('snow-day', <SnowDayScreen />, '/snow-day')}
          {screen('care', <CareScreen />, '/care')}
          {screen('reports', <ReportsScreen />, '/reports')}
          {screen('results', <ResultsScreen />, '/results')}
          {screen('results/print', <ResultsPrintScreen />, '/results')}
          {screen('results/funder-safe', <FunderSafeScreen />, '/results/funder-safe')}
          {screen('results/grant', <GrantReportScreen />, '/results/grant')}
          {screen('till/*', <TillRoutes />, '/till')}
          {screen('cashbook/*', <CashbookRoutes />, '/cashbook')}
          {screen('funding/*', <FundingRoutes />, '/funding')}
          {screen('cashflow/*', <CashflowRoutes />, '/cashflow')}
          {screen('admin/users/*', <UsersRoutes />, '/admin/users')}
          {screen('account', <AccountScreen />)}
          {screen('admin/audit/*', <AuditRoutes />, '/admin/audit')}
          {screen('admin/privacy/*', <PrivacyRoutes />, '/admin/privacy')}
          {screen('import', <ImportScreen />, '/import')}
          {screen('*', <HomeScreen />)}
        </Routes>
      </Layout>
    </SessionContext.Provider>
  );
}

/**
 * A data router (one route holding the app's own <Routes>), so that a changed form can ask before
 * a shortcut or a link leaves it (useBlocker, renderer/ui/UnsavedGuard.tsx).
 */
const createRouter = () =>
  createHashRouter([
    {
      path: '*',
      element: (
        // The last resort, for what no screen's boundary covers (sign-in, lock, first run, the header).
        <ScreenBoundary route={null}>
          <Gate />
        </ScreenBoundary>
      ),
    },
  ]);

export function App() {
  const [client] = useState(createQueryClient);
  const [router] = useState(createRouter);
  useEffect(() => listenForChanges(client), [client]);
  return (
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
