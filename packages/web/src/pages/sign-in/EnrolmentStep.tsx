import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { TotpCode } from '@gezinsplan/domain';
import { api, setCsrfToken } from '../../api/client';
import { TextField } from '../../components/TextField';
import { Loading } from '../../components/Loading';
import { useAdoptSession, type SessionAnswer } from '../../session/session';
import { useSignOut } from './useSignOut';

interface Enrolment { secret: string; qrSvg: string }

/** Setting up the authenticator app: scan, confirm with a first code, keep the recovery codes. */
export function EnrolmentStep() {
  const { t } = useTranslation();
  const adopt = useAdoptSession();
  const signOut = useSignOut();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<(SessionAnswer & { recoveryCodes: string[] }) | null>(null);

  useEffect(() => {
    let current = true;
    api<Enrolment>('POST', '/api/v1/me/two-factor/enrolment')
      .then((e) => { if (current) setEnrolment(e); })
      .catch(() => { if (current) setError(t('common.error')); });
    return () => { current = false; };
  }, [t]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const compact = code.replace(/\s/g, '');
    if (!TotpCode.safeParse(compact).success) return setError(t('enrol.sixDigits'));
    try {
      const answer = await api<SessionAnswer & { recoveryCodes: string[] }>('POST', '/api/v1/me/two-factor/confirm', { code: compact });
      // The session moved to a new token: use its CSRF token now, and go on once the codes are kept.
      setCsrfToken(answer.csrfToken);
      setDone(answer);
    } catch {
      setCode('');
      setError(t('enrol.wrong'));
    }
  };

  return (
    <section aria-labelledby="enrol-title" className="gp-narrow">
      <Heading1 id="enrol-title">{t('enrol.title')}</Heading1>
      {done ? (
        <>
          <Paragraph>{t('enrol.done')}</Paragraph>
          <ul className="gp-codes" aria-label={t('enrol.title')}>{done.recoveryCodes.map((c) => <li key={c}>{c}</li>)}</ul>
          <Button appearance="primary-action-button" onClick={() => adopt(done)}>{t('enrol.kept')}</Button>
        </>
      ) : (
        <>
          <Paragraph>{t('enrol.intro')}</Paragraph>
          {enrolment ? (
            <>
              <img className="gp-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`} alt={t('enrol.qr')} width={220} height={220} />
              <Paragraph>{t('enrol.manual')} <code className="gp-secret" data-testid="secret">{enrolment.secret.match(/.{1,4}/g)!.join(' ')}</code></Paragraph>
            </>
          ) : <Loading />}
          {error && <Alert type="error" role="alert"><Paragraph>{error}</Paragraph></Alert>}
          <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
            <TextField id="enrol-code" inputMode="numeric" autoComplete="one-time-code" label={t('enrol.code')} value={code} onChange={(e) => setCode(e.target.value)} required />
            <div className="gp-form-actions">
              <Button type="submit" appearance="primary-action-button">{t('enrol.submit')}</Button>
              <Button type="button" appearance="secondary-action-button" onClick={() => void signOut()}>{t('secondFactor.backToSignIn')}</Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
