// First, before everything else: see start.ts.
import { FAMILY_PATH, familyPage, NEW_FAMILY_PATH } from './start';
import { lazy, startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import '@utrecht/component-library-css';
import '@utrecht/design-tokens/dist/index.css';
import './styles.css';
import './i18n';
import { AppShell } from './layout/AppShell';
import { RequireSession } from './session/RequireSession';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { Loading } from './components/Loading';
import { ApiError, whenSessionEnds } from './api/client';
import { loadFamilyOverview } from './api/queries';
import { ENDED, isComplete, ME, sessionQuery, type EndedSession } from './session/session';

// Pages load when first visited: the first screen waits for neither the code of every page nor the validation
// schemas (zod and the domain package) that only forms need.
const SignInPage = lazy(() => import('./pages/SignInPage').then((m) => ({ default: m.SignInPage })));
const InvitationPage = lazy(() => import('./pages/InvitationPage').then((m) => ({ default: m.InvitationPage })));
const NewFamilyPage = lazy(() => import('./pages/NewFamilyPage').then((m) => ({ default: m.NewFamilyPage })));
const AdminRoute = lazy(() => import('./pages/AdminRoute').then((m) => ({ default: m.AdminRoute })));
const NeedsPage = lazy(() => import('./pages/NeedsPage').then((m) => ({ default: m.NeedsPage })));
const EvaluationsPage = lazy(() => import('./pages/EvaluationsPage').then((m) => ({ default: m.EvaluationsPage })));
const NewEvaluationPage = lazy(() => import('./pages/NewEvaluationPage').then((m) => ({ default: m.NewEvaluationPage })));
const GoalPage = lazy(() => import('./pages/GoalPage').then((m) => ({ default: m.GoalPage })));
const ClosePage = lazy(() => import('./pages/ClosePage').then((m) => ({ default: m.ClosePage })));
const NotificationsPage = lazy(() => import('./pages/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));
const ConsultationsPage = lazy(() => import('./pages/ConsultationsPage').then((m) => ({ default: m.ConsultationsPage })));
const NewConsultationPage = lazy(() => import('./pages/NewConsultationPage').then((m) => ({ default: m.NewConsultationPage })));
const ConsultationPage = lazy(() => import('./pages/ConsultationPage').then((m) => ({ default: m.ConsultationPage })));

const queryClient = new QueryClient({
  defaultOptions: {
    // A 4xx will not get better by asking again; a network hiccup might.
    queries: { retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2, staleTime: 15_000 },
  },
});
// When the server ends the session (idle for 30 minutes), the page is hidden and the same person is asked to sign in
// again on the spot (RequireSession), so what they were typing is still there afterwards.
whenSessionEnds(() => {
  const was = queryClient.getQueryData(sessionQuery.queryKey);
  if (isComplete(was)) queryClient.setQueryData<EndedSession>(ENDED, { userId: was!.user.id, email: was!.user.email, name: was!.user.name });
  queryClient.setQueryData(ME, null);
});

/** The family overview's data, fetched beside its code (the route's `lazy`) once the session is known to be complete. */
async function loadFamily(familyId: string): Promise<null> {
  const session = await queryClient.ensureQueryData(sessionQuery).catch(() => null);
  if (isComplete(session)) await loadFamilyOverview(queryClient, familyId);
  return null;
}

const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { path: '/inloggen', element: <SignInPage /> },
      { path: '/uitnodiging', element: <InvitationPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: '/', element: <HomePage /> },
          { path: NEW_FAMILY_PATH, element: <NewFamilyPage /> },
          { path: '/beheer', element: <AdminRoute /> },
          { path: '/meldingen', element: <NotificationsPage /> },
          {
            // The page renders once, complete: its code and its data load side by side, not one after the other.
            path: FAMILY_PATH,
            lazy: () => familyPage().then((m) => ({ Component: m.FamilyPage })),
            loader: ({ params }) => loadFamily(params.familyId!),
            hydrateFallbackElement: <Loading />,
          },
          { path: `${FAMILY_PATH}/leefgebieden`, element: <NeedsPage /> },
          { path: `${FAMILY_PATH}/evaluaties`, element: <EvaluationsPage /> },
          { path: `${FAMILY_PATH}/evaluaties/nieuw`, element: <NewEvaluationPage /> },
          { path: `${FAMILY_PATH}/doelen/:goalId`, element: <GoalPage /> },
          { path: `${FAMILY_PATH}/afsluiten`, element: <ClosePage /> },
          { path: `${FAMILY_PATH}/overleg`, element: <ConsultationsPage /> },
          { path: `${FAMILY_PATH}/overleg/nieuw`, element: <NewConsultationPage /> },
          { path: `${FAMILY_PATH}/overleg/:consultationId`, element: <ConsultationPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

// Who is signed in decides the first screen (the header's name and sign-out, or sign-in): knowing it before the first
// render means nothing moves when it arrives. index.html asked the server for it already, beside the scripts.
void queryClient.prefetchQuery(sessionQuery).then(() => {
  // As a transition, React renders in slices and lets the browser in between rather than in one long task (the first
  // render can hold a whole page when its code and data came in first).
  startTransition(() => createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  ));
});
