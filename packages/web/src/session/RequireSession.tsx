import { Navigate, Outlet, useLocation } from 'react-router';
import { isComplete, useSession } from './session';
import { Loading } from '../components/Loading';

/** Pages behind sign-in: anyone not (fully) signed in goes to sign-in, and comes back here afterwards. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (!isComplete(session.data)) return <Navigate to="/inloggen" replace state={{ from: location.pathname }} />;
  return <Outlet />;
}
