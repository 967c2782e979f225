import { lazy, Suspense } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { isComplete, useEndedSession, useSession } from './session';
import { Loading } from '../components/Loading';

const ResumeSession = lazy(() => import('../pages/sign-in/ResumeSession').then((m) => ({ default: m.ResumeSession })));

/**
 * Pages behind sign-in: anyone not (fully) signed in goes to sign-in, and comes back here afterwards. When the server
 * ended the session while a page was open, the page stays (hidden and inert, its forms as they were) and the same
 * person signs in again over it.
 */
export function RequireSession() {
  const session = useSession();
  const ended = useEndedSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  const open = isComplete(session.data);
  if (!open && !ended) return <Navigate to="/inloggen" replace state={{ from: location.pathname }} />;
  return (
    <>
      {/* Always this same element, so React keeps the page (and what was typed) while it is hidden. */}
      <div className="gp-session" hidden={!open} inert={!open}><Outlet /></div>
      {!open && ended && <Suspense fallback={<Loading />}><ResumeSession ended={ended} /></Suspense>}
    </>
  );
}
