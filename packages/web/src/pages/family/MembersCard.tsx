import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { ageOn, CreateMember, todayInNetherlands, UpdateMember, type MemberSummary } from '@gezinsplan/domain';
import { api, ApiError } from '../../api/client';
import type { Page } from '../../api/queries';
import type { UseQueryResult } from '@tanstack/react-query';
import { QueryState } from '../../components/QueryState';
import { checkForm, type FieldErrors } from '../../components/validation';
import { problemFieldErrors, problemText } from '../../components/problemText';
import { emptyMember, memberBody, MemberFields, type MemberDraft } from './MemberFields';

type Notice = { type: 'ok' | 'error'; text: string } | null;

/** The family's members; the coordinator adds a member or changes one in place. */
export function MembersCard({ familyId, members, canWrite }: { familyId: string; members: UseQueryResult<Page<MemberSummary>>; canWrite: boolean }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<Notice>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const today = todayInNetherlands(new Date());
  const describe = (m: MemberSummary) => [t(`family.${m.role}`), t('family.age', { count: ageOn(m.birthDate, today) }), m.hasCustody ? t('family.custody') : null,
    canWrite && m.hasBsn ? t('people.hasBsn') : null].filter(Boolean).join(', ');
  return (
    <section aria-labelledby="members-title" className="gp-card">
      <Heading2 id="members-title">{t('family.members')}</Heading2>
      {notice && <Alert type={notice.type} role={notice.type === 'error' ? 'alert' : 'status'}><Paragraph>{notice.text}</Paragraph></Alert>}
      <QueryState query={members}>
        {(page) => page.items.length === 0 ? <Paragraph>{t('common.none')}</Paragraph> : (
          <ul className="gp-list">
            {page.items.map((m) => (
              <li key={m.id}>
                <span>{m.givenName} {m.familyName}<br /><span className="gp-meta">{describe(m)}</span></span>
                {canWrite && editing !== m.id && (
                  <Button appearance="subtle-button" className="gp-no-print" aria-label={t('people.editLabel', { name: m.givenName })} onClick={() => setEditing(m.id)}>{t('people.edit')}</Button>
                )}
                {editing === m.id && (
                  <EditMember familyId={familyId} member={m} onDone={(next) => { setEditing(null); setNotice(next); }} />
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {/* Drawn once the members are known, so a new member starts with the family's surname. */}
      {canWrite && members.data && <AddMember familyId={familyId} familyName={members.data.items[0]?.familyName} onAdded={(text) => setNotice({ type: 'ok', text })} />}
    </section>
  );
}

function AddMember({ familyId, familyName, onAdded }: { familyId: string; familyName: string | undefined; onAdded: (text: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<MemberDraft>(() => emptyMember(familyName));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkForm(CreateMember, memberBody(draft));
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setFailure(t('validation.summary'));
    try {
      await api('POST', `/api/v1/families/${familyId}/members`, memberBody(draft));
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
      setFailure(null);
      setDraft(emptyMember(draft.familyName));
      onAdded(t('people.memberAdded', { name: draft.givenName }));
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setFailure(problemText(e));
    }
  };
  return (
    <details className="gp-details gp-no-print">
      <summary>{t('people.addMember')}</summary>
      {failure && <Alert type="error" role="alert"><Paragraph>{failure}</Paragraph></Alert>}
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
        <MemberFields idPrefix="new-member" value={draft} errors={errors} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
        <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('people.addMember')}</Button></div>
      </form>
    </details>
  );
}

function EditMember({ familyId, member, onDone }: { familyId: string; member: MemberSummary; onDone: (notice: Notice) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<MemberDraft>(() => {
    const { givenName, familyName, birthDate, role, hasCustody } = member;
    return { givenName, familyName, birthDate, role, hasCustody, bsn: '' };
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = memberBody(draft);
    const checked = checkForm(UpdateMember, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setFailure(t('validation.summary'));
    try {
      await api('PATCH', `/api/v1/families/${familyId}/members/${member.id}`, body, { 'if-match': `"${member.version}"` });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
      onDone({ type: 'ok', text: t('people.memberSaved', { name: draft.givenName }) });
    } catch (e) {
      // Someone else changed this member: show their version rather than overwrite it unseen.
      if (e instanceof ApiError && e.status === 412) {
        await queryClient.invalidateQueries({ queryKey: ['family', familyId, 'members'] });
        onDone({ type: 'error', text: t('people.memberConflict') });
        return;
      }
      setErrors(problemFieldErrors(e));
      setFailure(problemText(e));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="gp-form gp-inline-form gp-no-print" aria-label={t('people.editLabel', { name: member.givenName })}>
      {failure && <Alert type="error" role="alert"><Paragraph>{failure}</Paragraph></Alert>}
      <MemberFields idPrefix={`member-${member.id}`} value={draft} errors={errors} bsnKnown={member.hasBsn} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
      <div className="gp-toolbar">
        <Button type="submit" appearance="primary-action-button">{t('common.save')}</Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => onDone(null)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
