import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { Login } from '@gezinsplan/domain';
import { api, ApiError } from '../../api/client';
import { TextField } from '../../components/TextField';
import { useAdoptSession, useSession, type EndedSession, type SessionAnswer } from '../../session/session';
import { SecondFactorStep } from './SecondFactorStep';
import { useSignOut } from './useSignOut';

/**
 * Signing in again after the server ended an idle session, over the page that was open: only the same person may
 * continue here (someone else starts afresh from sign-in), and the hidden page comes back as it was.
 */
export function ResumeSession({ ended }: { ended: EndedSession }) {
  const session = useSession();
  if (session.data?.secondFactor === 'pending') return <SecondFactorStep />;
  return <PasswordAgain ended={ended} />;
}

function PasswordAgain({ ended }: { ended: EndedSession }) {
  const { t } = useTranslation();
  const adopt = useAdoptSession();
  const signOut = useSignOut();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Whoever was typing learns at once why the page went away.
  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { email: ended.email, password };
    if (!Login.safeParse(body).success) return setError(t('signIn.missing'));
    setBusy(true);
    try {
      const answer = await api<SessionAnswer>('POST', '/api/v1/auth/login', body);
      setPassword('');
      // The email cannot be changed here, but an account can be renamed or replaced: never show one person's page to another.
      if (answer.user.id !== ended.userId) return window.location.assign('/');
      adopt(answer);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 429 ? t('signIn.locked') : t('signIn.wrong'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="resume-title" className="gp-narrow">
      <Heading1 id="resume-title" ref={headingRef} tabIndex={-1}>{t('resume.title')}</Heading1>
      <Paragraph>{t('resume.intro', { name: ended.name })}</Paragraph>
      {error && <Alert type="error" role="alert"><Paragraph>{error}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
        <TextField id="resume-email" type="email" autoComplete="username" label={t('signIn.email')} value={ended.email} readOnly />
        <TextField id="resume-password" type="password" autoComplete="current-password" label={t('signIn.password')} value={password} onChange={(e) => setPassword(e.target.value)} required />
        <div className="gp-form-actions">
          <Button type="submit" appearance="primary-action-button" disabled={busy}>{t('resume.submit')}</Button>
          <Button type="button" appearance="subtle-button" onClick={() => void signOut()}>{t('resume.someoneElse')}</Button>
        </div>
      </form>
    </section>
  );
}
