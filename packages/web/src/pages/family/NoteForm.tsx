import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, FormLabel, Paragraph, Textarea } from '@utrecht/component-library-react';
import { CreateNote, defaultLifeDomains } from '@gezinsplan/domain';
import { api } from '../../api/client';
import { SelectField } from '../../components/SelectField';
import { problemText } from '../../components/problemText';
import { lifeDomainName } from './PlanView';

/** A note on the timeline; its life domain decides which other organisations may read it (with consent). */
export function NoteForm({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [lifeDomain, setLifeDomain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const note = { body, lifeDomain, memberIds: [] };
    if (!CreateNote.safeParse(note).success) return setError(t('edit.invalid', { detail: `${t('edit.noteBody')}, ${t('edit.lifeDomain')}` }));
    try {
      await api('POST', `/api/v1/families/${familyId}/timeline`, note);
      setBody('');
      setError(null);
      await queryClient.invalidateQueries({ queryKey: ['family', familyId, 'timeline'] });
    } catch (e) {
      setError(problemText(e));
    }
  };
  return (
    <details className="gp-details gp-no-print">
      <summary>{t('edit.addNote')}</summary>
      {error && <Alert type="error" role="alert"><Paragraph>{error}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
        <FormField label={<FormLabel htmlFor="note-body">{t('edit.noteBody')}</FormLabel>}
          input={<Textarea id="note-body" value={body} onChange={(e) => setBody(e.target.value)} rows={3} />} />
        <SelectField id="note-domain" label={t('edit.lifeDomain')} value={lifeDomain} onChange={(e) => setLifeDomain(e.target.value)}
          options={[{ value: '', label: t('edit.choose_member') }, ...defaultLifeDomains.map((d) => ({ value: d.code, label: lifeDomainName(d.code) }))]} />
        <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('edit.noteSave')}</Button></div>
      </form>
    </details>
  );
}
