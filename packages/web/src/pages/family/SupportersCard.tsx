import { useState, type FormEvent } from 'react';
import { useQueryClient, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { CreateSupporter } from '@gezinsplan/domain';
import { api } from '../../api/client';
import type { Page, SupporterT } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { TextField } from '../../components/TextField';
import { checkForm, type FieldErrors } from '../../components/validation';
import { problemFieldErrors, problemText } from '../../components/problemText';

const emptySupporter = { name: '', relation: '', contact: '' };

/** The informal network: grandparents, neighbours, friends. The coordinator adds someone the family names. */
export function SupportersCard({ familyId, supporters, canWrite }: { familyId: string; supporters: UseQueryResult<Page<SupporterT>>; canWrite: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="supporters-title" className="gp-card">
      <Heading2 id="supporters-title">{t('family.supporters')}</Heading2>
      <QueryState query={supporters}>
        {(page) => page.items.length === 0 ? <Paragraph>{t('common.none')}</Paragraph> : (
          <ul className="gp-list">
            {page.items.map((s) => <li key={s.id}><span>{s.name}{s.contact && <><br /><span className="gp-meta">{s.contact}</span></>}</span><span className="gp-meta">{s.relation}</span></li>)}
          </ul>
        )}
      </QueryState>
      {canWrite && <AddSupporter familyId={familyId} />}
    </section>
  );
}

function AddSupporter({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(emptySupporter);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { name: draft.name, relation: draft.relation, ...(draft.contact.trim() ? { contact: draft.contact } : {}) };
    const checked = checkForm(CreateSupporter, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setNotice({ type: 'error', text: t('validation.summary') });
    // The last attempt's words no longer stand while this one is on its way.
    setNotice(null);
    try {
      await api('POST', `/api/v1/families/${familyId}/supporters`, body);
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
      setDraft(emptySupporter);
      setNotice({ type: 'ok', text: t('people.supporterAdded', { name: body.name }) });
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setNotice({ type: 'error', text: problemText(e) });
    }
  };
  const field = (key: keyof typeof emptySupporter) => ({ value: draft[key], error: errors[key], onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })) });
  return (
    <details className="gp-details gp-no-print">
      <summary>{t('people.addSupporter')}</summary>
      {notice && <Alert type={notice.type} role={notice.type === 'error' ? 'alert' : 'status'}><Paragraph>{notice.text}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
        <TextField id="supporter-name" label={t('people.supporterName')} autoComplete="off" required {...field('name')} />
        <TextField id="supporter-relation" label={t('people.relation')} description={t('people.relationHint')} required {...field('relation')} />
        <TextField id="supporter-contact" label={t('people.contact')} autoComplete="off" {...field('contact')} />
        <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('people.add')}</Button></div>
      </form>
    </details>
  );
}
