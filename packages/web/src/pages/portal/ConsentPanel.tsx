import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import {
  decidesFor, defaultLifeDomains, fixedCategories, fixedCategoryPlainNl, GiveConsent, todayInNetherlands, type Consent, type MemberSummary, type TeamMember,
} from '@gezinsplan/domain';
import { api } from '../../api/client';
import { useConsents } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { SelectField } from '../../components/SelectField';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { TextField } from '../../components/TextField';
import { problemText } from '../../components/problemText';
import { lifeDomainName } from '../family/PlanView';

interface Props { familyId: string; memberId: string; members: MemberSummary[]; team: TeamMember[] }

/**
 * Who may see what, in plain words, and the family member's own say in it: give consent for themselves (or a child
 * under 16 they have gezag over), agree where their agreement is still needed, and withdraw, which holds at once.
 */
export function ConsentPanel({ familyId, memberId, members, team }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const consents = useConsents(familyId);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const today = todayInNetherlands(new Date());
  const household = members.map((m) => ({ id: m.id, birthDate: m.birthDate, role: m.role, hasCustody: m.hasCustody }));
  const iDecideFor = (subjectId: string) => {
    const subject = household.find((m) => m.id === subjectId);
    return !!subject && decidesFor(memberId, subject, household, today);
  };
  const nameOf = (id: string) => members.find((m) => m.id === id)?.givenName ?? '…';
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['family', familyId] });

  // The message is announced only once the list shows the change, so what is heard matches what is seen.
  const act = async (work: () => Promise<unknown>, done: string) => {
    let outcome: { type: 'ok' | 'error'; text: string };
    try {
      await work();
      outcome = { type: 'ok', text: done };
    } catch (e) {
      outcome = { type: 'error', text: problemText(e) };
    }
    await refresh();
    setMessage(outcome);
  };
  const withdraw = (c: Consent) => act(() => api('POST', `/api/v1/families/${familyId}/consents/${c.id}/withdraw`, undefined, { 'if-match': `"${c.version}"` }), t('portal.consentWithdrawn'));
  const agree = (c: Consent) => act(() => api('PATCH', `/api/v1/families/${familyId}/consents/${c.id}`, { givenBy: [memberId] }, { 'if-match': `"${c.version}"` }), t('portal.consentGiven'));
  const needsMe = (c: Consent) => !c.givenBy.includes(memberId) && c.stillNeeded.some((n) => n.memberIds.includes(memberId));

  return (
    <section aria-labelledby="consents-title" className="gp-card gp-card--wide">
      <Heading2 id="consents-title">{t('portal.consents')}</Heading2>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      <QueryState query={consents}>
        {(page) => {
          const active = page.items.filter((c) => c.status === 'active');
          return active.length === 0 ? <Paragraph>{t('portal.noConsents')}</Paragraph> : (
            <ul className="gp-list">
              {active.map((c) => (
                <li key={c.id}>
                  <span>
                    {c.description} <span className="gp-meta">({nameOf(c.memberId)})</span>
                    {!c.effective && <><br /><span className="gp-meta">{t('portal.consentWaiting')}</span></>}
                  </span>
                  <span className="gp-toolbar">
                    {needsMe(c) && <Button appearance="primary-action-button" aria-label={`${t('portal.consentAgree')}: ${c.description}`} onClick={() => void agree(c)}>{t('portal.consentAgree')}</Button>}
                    {iDecideFor(c.memberId) && <Button appearance="secondary-action-button" aria-label={`${t('portal.consentWithdraw')}: ${c.description}`} onClick={() => void withdraw(c)}>{t('portal.consentWithdraw')}</Button>}
                  </span>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
      <GiveConsentForm {...{ familyId, memberId, members, team }} about={members.filter((m) => iDecideFor(m.id))} onDone={(text, type) => { void refresh().then(() => setMessage({ type, text })); }} />
    </section>
  );
}

function GiveConsentForm({ familyId, memberId, members, team, about, onDone }: Props & { about: MemberSummary[]; onDone: (text: string, type: 'ok' | 'error') => void }) {
  const { t } = useTranslation();
  const organisations = [...new Map(team.map((m) => [m.organisationId, m.organisationName])).entries()];
  const [who, setWho] = useState('');
  const [chosenSubject, setSubject] = useState('');
  // The members load after the form is first drawn: until someone is chosen, it is about the first one.
  const subject = chosenSubject || about[0]?.id || '';
  const [categories, setCategories] = useState<string[]>([]);
  const [validUntil, setValidUntil] = useState('');
  if (about.length === 0) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const [kind, id] = who.split(':');
    const body = {
      memberId: subject, ...(kind === 'org' ? { organisationId: id } : { recipientMemberId: id }), categories,
      purpose: t('portal.consentPurposeDefault'), givenBy: [memberId], ...(validUntil ? { validUntil } : {}),
    };
    if (categories.length === 0) return onDone(t('portal.consentChooseWhat'), 'error');
    if (!GiveConsent.safeParse(body).success) return onDone(t('edit.invalid', { detail: t('portal.consentWho') }), 'error');
    try {
      await api('POST', `/api/v1/families/${familyId}/consents`, body);
      setCategories([]);
      onDone(t('portal.consentGiven'), 'ok');
    } catch (e) {
      onDone(problemText(e), 'error');
    }
  };

  const recipients = [
    { value: '', label: t('edit.choose_member') },
    ...organisations.map(([id, name]) => ({ value: `org:${id}`, label: name })),
    ...members.filter((m) => m.id !== subject).map((m) => ({ value: `member:${m.id}`, label: `${m.givenName} ${m.familyName}` })),
  ];
  const choices = [...fixedCategories.map((c) => ({ code: c, label: fixedCategoryPlainNl[c] })), ...defaultLifeDomains.map((d) => ({ code: d.code, label: lifeDomainName(d.code) }))];
  return (
    <details className="gp-details">
      <summary>{t('portal.consentGive')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate className="gp-form">
        <SelectField id="consent-about" label={t('portal.consentAbout')} value={subject} onChange={(e) => setSubject(e.target.value)}
          options={about.map((m) => ({ value: m.id, label: m.id === memberId ? t('portal.consentAboutYou', { name: m.givenName }) : m.givenName }))} />
        <SelectField id="consent-who" label={t('portal.consentWho')} value={who} onChange={(e) => setWho(e.target.value)} options={recipients} />
        <CheckboxGroup id="consent" legend={t('portal.consentWhat')} columns selected={categories} onChange={setCategories}
          options={choices.map((c) => ({ value: c.code, label: c.label }))} />
        <TextField id="consent-until" type="date" label={t('portal.consentUntil')} value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
        <div className="gp-form-actions"><Button type="submit" appearance="primary-action-button">{t('portal.consentSubmit')}</Button></div>
      </form>
    </details>
  );
}
