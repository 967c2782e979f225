import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { TotpCode } from '@gezinsplan/domain';
import { api, ApiError } from '../../api/client';
import { TextField } from '../../components/TextField';
import { useAdoptSession, type SessionAnswer } from '../../session/session';
import { useSignOut } from './useSignOut';

/** The second step: six digits from the app, or a recovery code when the phone is lost. */
export function SecondFactorStep() {
  const { t } = useTranslation();
  const adopt = useAdoptSession();
  const signOut = useSignOut();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const compact = value.replace(/\s/g, '');
    const answer = TotpCode.safeParse(compact).success ? { code: compact } : { recoveryCode: value };
    try {
      adopt(await api<SessionAnswer>('POST', '/api/v1/auth/second-factor', answer));
    } catch (e) {
      setValue('');
      if (e instanceof ApiError && e.status === 429) {
        adopt(null);
        return;
      }
      setError(t('secondFactor.wrong'));
    }
  };

  return (
    <section aria-labelledby="second-factor-title" className="gp-narrow">
      <Heading1 id="second-factor-title">{t('secondFactor.title')}</Heading1>
      <Paragraph>{t('secondFactor.intro')}</Paragraph>
      {error && <Alert type="error" role="alert"><Paragraph>{error}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
        <TextField id="second-factor-code" autoComplete="one-time-code" label={t('secondFactor.code')} description={t('secondFactor.hint')}
          value={value} onChange={(e) => setValue(e.target.value)} required autoFocus />
        <div className="gp-form-actions">
          <Button type="submit" appearance="primary-action-button">{t('secondFactor.submit')}</Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => void signOut()}>{t('secondFactor.backToSignIn')}</Button>
        </div>
      </form>
    </section>
  );
}
