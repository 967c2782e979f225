import { useSession } from '../session/session';
import { AdminPage } from './AdminPage';
import { NotFoundPage } from './NotFoundPage';

/** /beheer: for admins and organisation admins (the API decides again on every call). */
export function AdminRoute() {
  const { data } = useSession();
  if (data?.user.kind !== 'professional' || !data.user.roles.some((r) => r === 'admin' || r === 'org-admin')) return <NotFoundPage />;
  return <AdminPage roles={data.user.roles} organisationId={data.user.organisationId} />;
}
