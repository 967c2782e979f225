import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { Login } from '@gezinsplan/domain';
import { api, ApiError } from '../api/client';
import { TextField } from '../components/TextField';
import { Loading } from '../components/Loading';
import { isComplete, useAdoptSession, useSession, type SessionAnswer } from '../session/session';
import { SecondFactorStep } from './sign-in/SecondFactorStep';
import { EnrolmentStep } from './sign-in/EnrolmentStep';

/**
 * Signing in, in as many steps as the account needs: the password, then the code from the app (or setting the app up
 * first when the role requires it). Afterwards the person lands where they wanted to go.
 */
export function SignInPage() {
  const session = useSession();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  if (session.isPending) return <Loading />;
  if (isComplete(session.data)) return <Navigate to={from} replace />;
  if (session.data?.secondFactor === 'pending') return <SecondFactorStep />;
  if (session.data?.secondFactor === 'enrolment-required') return <EnrolmentStep />;
  return <PasswordStep />;
}

function PasswordStep() {
  const { t } = useTranslation();
  const adopt = useAdoptSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => { if (error) alertRef.current?.focus(); }, [error]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // The same schema the server validates with: nothing is sent that it would refuse.
    if (!Login.safeParse({ email, password }).success) return setError(t('signIn.missing'));
    setBusy(true);
    try {
      const answer = await api<SessionAnswer>('POST', '/api/v1/auth/login', { email, password });
      setPassword('');
      adopt(answer);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 429 ? t('signIn.locked') : t('signIn.wrong'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="signin-title" className="gp-narrow">
      <Heading1 id="signin-title">{t('signIn.title')}</Heading1>
      <Paragraph>{t('signIn.intro')}</Paragraph>
      {error && <Alert type="error" role="alert" ref={alertRef} tabIndex={-1}><Paragraph>{error}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
        <TextField id="email" type="email" autoComplete="username" label={t('signIn.email')} value={email} onChange={(e) => setEmail(e.target.value)} required />
        <TextField id="password" type="password" autoComplete="current-password" label={t('signIn.password')} value={password} onChange={(e) => setPassword(e.target.value)} required />
        <div className="gp-form-actions">
          <Button type="submit" appearance="primary-action-button" disabled={busy}>{t('signIn.submit')}</Button>
        </div>
      </form>
    </section>
  );
}
