import { Suspense } from 'react';
import { Link, Outlet, useLocation, useNavigate, useNavigation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Page, PageContent, PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { switchLanguage } from '../i18n';
import { isComplete, useSession } from '../session/session';
import { useSignOut } from '../pages/sign-in/useSignOut';
import { Loading } from '../components/Loading';
import { NotificationsLink } from './NotificationsLink';

/** Every page: a skip link, the header with who is signed in, the main content, and the footer. */
export function AppShell() {
  const { t } = useTranslation();
  const session = useSession();
  const endSession = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  // A page whose route loads its data first (the family overview) keeps the old page on screen meanwhile; show that
  // the next one is on its way instead, as a page that loads its own data does.
  const pending = useNavigation().location;
  const arriving = !!pending && pending.pathname !== location.pathname;
  const signedIn = isComplete(session.data) ? session.data ?? null : null;

  const signOut = async () => {
    await endSession();
    await navigate('/inloggen');
  };

  return (
    <>
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <Page className="gp-page">
        <PageHeader className="gp-header">
          <Link to="/" className="gp-brand">
            <span className="gp-logo" aria-hidden="true" />
            <span className="gp-brand-name">{t('app.name')}</span>
          </Link>
          <span className="gp-tagline">{t('app.tagline')}</span>
          <div className="gp-header-actions">
            <Button appearance="subtle-button" className="gp-header-button" onClick={switchLanguage} lang={t('app.language') === 'English' ? 'en' : 'nl'}>
              {t('app.language')}
            </Button>
            {signedIn && (
              <>
                {signedIn.user.kind === 'professional' && signedIn.user.roles.some((r) => r === 'admin' || r === 'org-admin') && (
                  <Link to="/beheer" className="gp-header-link">{t('nav.admin')}</Link>
                )}
                <NotificationsLink />
                <span className="gp-user">{signedIn.user.name}</span>
                <Button appearance="secondary-action-button" className="gp-header-button" onClick={() => void signOut()}>{t('app.signOut')}</Button>
              </>
            )}
          </div>
        </PageHeader>
        <PageContent>
          <main id="main" tabIndex={-1} className="gp-main">
            <Suspense fallback={<Loading />}>
              {arriving ? <Loading /> : <Outlet />}
            </Suspense>
          </main>
        </PageContent>
        <PageFooter className="gp-footer">
          <Paragraph>{t('app.footer')}</Paragraph>
        </PageFooter>
      </Page>
    </>
  );
}
