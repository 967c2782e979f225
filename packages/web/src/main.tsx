import { lazy, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import '@utrecht/component-library-css';
import '@utrecht/design-tokens/dist/index.css';
import './styles.css';
import './i18n';
import { ApiError, whenSessionEnds } from './api/client';
import { AppShell } from './layout/AppShell';
import { RequireSession } from './session/RequireSession';
import { SignInPage } from './pages/SignInPage';
import { InvitationPage } from './pages/InvitationPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ME } from './session/session';

// Pages load when first visited, so signing in does not wait for the code of every page.
const FamilyPage = lazy(() => import('./pages/FamilyPage').then((m) => ({ default: m.FamilyPage })));
const NewFamilyPage = lazy(() => import('./pages/NewFamilyPage').then((m) => ({ default: m.NewFamilyPage })));
const AdminRoute = lazy(() => import('./pages/AdminRoute').then((m) => ({ default: m.AdminRoute })));

const queryClient = new QueryClient({
  defaultOptions: {
    // A 4xx will not get better by asking again; a network hiccup might.
    queries: { retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2, staleTime: 15_000 },
  },
});
// When the server ends the session (idle for 30 minutes), the app goes back to sign-in instead of showing errors.
whenSessionEnds(() => queryClient.setQueryData(ME, null));

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
          { path: '/gezinnen/nieuw', element: <NewFamilyPage /> },
          { path: '/beheer', element: <AdminRoute /> },
          { path: '/gezinnen/:familyId', element: <FamilyPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
