import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, FieldsetLegend, Heading1, Paragraph } from '@utrecht/component-library-react';
import { CreateFamily } from '@gezinsplan/domain';
import { api } from '../api/client';
import { TextField } from '../components/TextField';
import { checkForm, type FieldErrors } from '../components/validation';
import { problemFieldErrors, problemText } from '../components/problemText';
import { emptyMember, memberBody, MemberFields, type MemberDraft } from './family/MemberFields';

/** Registering a family: its name and who is in it. The one who registers becomes the coordinator. */
export function NewFamilyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [members, setMembers] = useState<MemberDraft[]>([{ ...emptyMember(), role: 'parent', hasCustody: true }]);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  // Errors within one member's fieldset, keyed by field name.
  const memberErrors = (i: number) => Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith(`members.${i}.`)).map(([k, v]) => [k.split('.')[2], v]));
  const change = (i: number, patch: Partial<MemberDraft>) => setMembers((ms) => ms.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name, members: members.map(memberBody) };
    const checked = checkForm(CreateFamily, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setError(t('validation.summary'));
    try {
      const family = await api<{ id: string }>('POST', '/api/v1/families', body);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await navigate(`/gezinnen/${family.id}`);
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setError(problemText(e));
    }
  };

  return (
    <section aria-labelledby="new-family-title" className="gp-narrow">
      <Heading1 id="new-family-title">{t('edit.newFamily')}</Heading1>
      <Paragraph>{t('edit.newFamilyIntro')}</Paragraph>
      {error && <Alert type="error" role="alert"><Paragraph>{error}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
        <TextField id="family-name" label={t('edit.familyName')} value={name} error={errors.name} onChange={(e) => setName(e.target.value)} required />
        {members.map((m, i) => (
          <Fieldset key={i} className="gp-fieldset">
            <FieldsetLegend>{t('edit.member', { n: i + 1 })}</FieldsetLegend>
            <MemberFields idPrefix={`m${i}`} value={m} errors={memberErrors(i)} onChange={(patch) => change(i, patch)} />
            {members.length > 1 && (
              <Button type="button" appearance="subtle-button" onClick={() => setMembers((ms) => ms.filter((_, j) => j !== i))}>{t('edit.removeMember', { n: i + 1 })}</Button>
            )}
          </Fieldset>
        ))}
        <Button type="button" appearance="secondary-action-button" onClick={() => setMembers((ms) => [...ms, emptyMember(ms[0]?.familyName)])}>{t('edit.addMember')}</Button>
        <div className="gp-form-actions">
          <Button type="submit" appearance="primary-action-button">{t('edit.register')}</Button>
        </div>
      </form>
    </section>
  );
}
