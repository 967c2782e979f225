import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, FieldsetLegend, Heading1, Paragraph } from '@utrecht/component-library-react';
import { CreateFamily } from '@gezinsplan/domain';
import { api } from '../api/client';
import { TextField } from '../components/TextField';
import { SelectField } from '../components/SelectField';
import { CheckboxField } from '../components/CheckboxField';
import { problemText } from '../components/problemText';

interface MemberDraft { givenName: string; familyName: string; birthDate: string; role: 'parent' | 'child' | 'other'; hasCustody: boolean }
const emptyMember = (familyName = ''): MemberDraft => ({ givenName: '', familyName, birthDate: '', role: 'child', hasCustody: false });

/** Registering a family: its name and who is in it. The one who registers becomes the coordinator. */
export function NewFamilyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [members, setMembers] = useState<MemberDraft[]>([{ ...emptyMember(), role: 'parent', hasCustody: true }]);
  const [error, setError] = useState<string | null>(null);
  const change = (i: number, patch: Partial<MemberDraft>) => setMembers((ms) => ms.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name, members };
    const checked = CreateFamily.safeParse(body);
    if (!checked.success) return setError(t('edit.invalid', { detail: checked.error.issues.map((i) => i.path.join('.')).join(', ') }));
    try {
      const family = await api<{ id: string }>('POST', '/api/v1/families', body);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await navigate(`/gezinnen/${family.id}`);
    } catch (e) {
      setError(problemText(e));
    }
  };

  const roles = [{ value: 'parent', label: t('family.parent') }, { value: 'child', label: t('family.child') }, { value: 'other', label: t('family.other') }];
  return (
    <section aria-labelledby="new-family-title" className="gp-narrow">
      <Heading1 id="new-family-title">{t('edit.newFamily')}</Heading1>
      <Paragraph>{t('edit.newFamilyIntro')}</Paragraph>
      {error && <Alert type="error" role="alert"><Paragraph>{error}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
        <TextField id="family-name" label={t('edit.familyName')} value={name} onChange={(e) => setName(e.target.value)} required />
        {members.map((m, i) => (
          <Fieldset key={i} className="gp-fieldset">
            <FieldsetLegend>{t('edit.member', { n: i + 1 })}</FieldsetLegend>
            <TextField id={`m${i}-given`} label={t('edit.givenName')} value={m.givenName} onChange={(e) => change(i, { givenName: e.target.value })} required />
            <TextField id={`m${i}-family`} label={t('edit.familyNameOfMember')} value={m.familyName} onChange={(e) => change(i, { familyName: e.target.value })} required />
            <TextField id={`m${i}-birth`} type="date" label={t('edit.birthDate')} value={m.birthDate} onChange={(e) => change(i, { birthDate: e.target.value })} required />
            <SelectField id={`m${i}-role`} label={t('edit.role')} value={m.role} options={roles} onChange={(e) => change(i, { role: e.target.value as MemberDraft['role'] })} />
            <CheckboxField id={`m${i}-custody`} label={t('edit.custody')} checked={m.hasCustody} onChange={(hasCustody) => change(i, { hasCustody })} />
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
