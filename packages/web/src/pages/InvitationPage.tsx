import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { AcceptInvitation } from '@gezinsplan/domain';
import { api, ApiError } from '../api/client';
import { TextField } from '../components/TextField';
import { isComplete, useAdoptSession, useSession, type SessionAnswer } from '../session/session';

/** The page the coordinator's link opens: the family member chooses an email address and a password. */
export function InvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const session = useSession();
  const adopt = useAdoptSession();
  const navigate = useNavigate();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (isComplete(session.data) && !error && !code) return <Navigate to="/" replace />;

  const explain = (e: unknown): string => {
    if (!(e instanceof ApiError)) return t('common.error');
    if (e.status === 404) return t('invitation.invalid');
    if (e.status === 409) return t('invitation.emailTaken');
    if (e.status === 429) return t('invitation.tooMany');
    if (e.pointer === '/body/password') return t('invitation.weakPassword');
    if (e.pointer === '/body/email') return t('invitation.badEmail');
    if (e.pointer === '/body/code') return t('invitation.badCode');
    return t('common.error');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code || !email || !password) return setError(t('invitation.missing'));
    // The shared schema catches a malformed code, address or a short password before anything is sent.
    const checked = AcceptInvitation.safeParse({ code, email, password });
    if (!checked.success) {
      const field = checked.error.issues[0]?.path[0];
      return setError(field === 'password' ? t('invitation.weakPassword') : field === 'email' ? t('invitation.badEmail') : t('invitation.badCode'));
    }
    try {
      const answer = await api<SessionAnswer>('POST', '/api/v1/auth/accept-invitation', { code, email, password });
      setPassword('');
      adopt(answer);
      await navigate('/', { replace: true });
    } catch (e) {
      setError(explain(e));
    }
  };

  return (
    <section aria-labelledby="invitation-title" className="gp-narrow">
      <Heading1 id="invitation-title">{t('invitation.title')}</Heading1>
      <Paragraph>{t('invitation.intro')}</Paragraph>
      {error && <Alert type="error" role="alert"><Paragraph>{error}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
        <TextField id="invitation-code" autoComplete="one-time-code" autoCapitalize="characters" label={t('invitation.code')} value={code} onChange={(e) => setCode(e.target.value)} required />
        <TextField id="invitation-email" type="email" autoComplete="username" label={t('invitation.email')} value={email} onChange={(e) => setEmail(e.target.value)} required />
        <TextField id="invitation-password" type="password" autoComplete="new-password" label={t('invitation.password')} description={t('invitation.passwordHint')}
          value={password} onChange={(e) => setPassword(e.target.value)} required />
        <div className="gp-form-actions">
          <Button type="submit" appearance="primary-action-button">{t('invitation.submit')}</Button>
        </div>
      </form>
    </section>
  );
}
