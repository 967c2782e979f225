import { lazy } from 'react';
import { useLocation } from 'react-router';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useSession } from '../session/session';

const MyWorkPage = lazy(() => import('./MyWorkPage').then((m) => ({ default: m.MyWorkPage })));
const FamilyPortalPage = lazy(() => import('./FamilyPortalPage').then((m) => ({ default: m.FamilyPortalPage })));
const AdminPage = lazy(() => import('./AdminPage').then((m) => ({ default: m.AdminPage })));
const PrivacyPage = lazy(() => import('./PrivacyPage').then((m) => ({ default: m.PrivacyPage })));

/** A professional starts at their work; a family member at their family's plan; an administrator at administration. */
export function HomePage() {
  const { data } = useSession();
  if (data?.user.kind === 'family') return <FamilyPortalPage familyId={data.user.familyId} memberId={data.user.memberId} userId={data.user.id} name={data.user.name} />;
  if (data?.user.kind === 'professional' && !data.user.roles.includes('professional') && data.user.roles.some((r) => r === 'admin' || r === 'org-admin')) {
    return <AdminPage roles={data.user.roles} organisationId={data.user.organisationId} />;
  }
  if (data?.user.kind === 'professional' && !data.user.roles.includes('professional') && data.user.roles.includes('privacy-officer')) return <PrivacyPage />;
  return (
    <>
      <PassedNotice />
      <MyWorkPage name={data?.user.name ?? ''} />
    </>
  );
}

/** What the page that sent the reader here had to tell them (after leaving a family's team, say). */
function PassedNotice() {
  const state = useLocation().state as { notice?: unknown } | null;
  if (typeof state?.notice !== 'string') return null;
  return <Alert type="ok" role="status"><Paragraph>{state.notice}</Paragraph></Alert>;
}
