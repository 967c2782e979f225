import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, FormLabel, Heading1, Heading2, Paragraph, Select, SelectOption, Textarea } from '@utrecht/component-library-react';
import { CreateGoal, defaultLifeDomains } from '@gezinsplan/domain';
import { api } from '../api/client';
import { useFamilyAudit, useMembers, usePlan, useTeam } from '../api/queries';
import { QueryState } from '../components/QueryState';
import { formatMoment } from '../format';
import { lifeDomainName, PlanView } from './family/PlanView';
import { TeamList } from './family/TeamList';
import { ConsentPanel } from './portal/ConsentPanel';
import { PortalAgreement, PortalNeeds } from './portal/PortalCareProcess';
import { PortalConsultations } from './consultations/PortalConsultations';

/** The family's own page, in plain language: our plan, who helps us, who may see what, and who looked at our file. */
export function FamilyPortalPage({ familyId, memberId, userId, name }: { familyId: string; memberId: string; userId: string; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const plan = usePlan(familyId);
  const team = useTeam(familyId);
  const members = useMembers(familyId);
  const audit = useFamilyAudit(familyId);
  const memberName = (id: string) => members.data?.items.find((m) => m.id === id)?.givenName ?? '…';

  const setStatus = useMutation({
    mutationFn: (a: { id: string; version: number; status: 'open' | 'done' }) =>
      api('PATCH', `/api/v1/families/${familyId}/actions/${a.id}`, { status: a.status }, { 'if-match': `"${a.version}"` }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['family', familyId] }),
  });

  return (
    <>
      <Heading1>{t('portal.title')}</Heading1>
      <Paragraph>{t('portal.welcome', { name })}</Paragraph>
      <section aria-labelledby="agreed-title" className="gp-card">
        <Heading2 id="agreed-title">{t('portal.agreed')}</Heading2>
        {plan.data && <PortalAgreement familyId={familyId} memberId={memberId} plan={plan.data} />}
        <QueryState query={plan}>
          {(p) => (
            <PlanView goals={p.goals} memberName={memberName} renderActionTools={(a) => a.assignee.kind === 'member' && a.assignee.id === memberId && (
              <Button appearance="secondary-action-button" className="gp-inline-button" disabled={setStatus.isPending}
                aria-label={`${a.status === 'done' ? t('portal.markOpen') : t('portal.markDone')}: ${a.title}`}
                onClick={() => setStatus.mutate({ id: a.id, version: a.version, status: a.status === 'done' ? 'open' : 'done' })}>
                {a.status === 'done' ? t('portal.markOpen') : t('portal.markDone')}
              </Button>
            )} />
          )}
        </QueryState>
      </section>
      <PortalConsultations familyId={familyId} />
      <AddGoal familyId={familyId} memberId={memberId} />
      <PortalNeeds familyId={familyId} memberId={memberId} name={members.data?.items.find((m) => m.id === memberId)?.givenName ?? name} />
      <div className="gp-grid">
        <section aria-labelledby="helps-title" className="gp-card">
          <Heading2 id="helps-title">{t('portal.whoHelps')}</Heading2>
          <QueryState query={team}>
            {(page) => <TeamList members={page.items} />}
          </QueryState>
        </section>
      </div>
      <ConsentPanel familyId={familyId} memberId={memberId} members={members.data?.items ?? []} team={team.data?.items ?? []} />
      <section aria-labelledby="looked-title" className="gp-card">
        <Heading2 id="looked-title">{t('portal.whoLooked')}</Heading2>
        <QueryState query={audit}>
          {(page) => {
            // Their own visits would bury the others': the list shows who else opened the file.
            const others = page.items.filter((r) => r.user.id !== userId);
            return others.length === 0 ? <Paragraph>{t('portal.noAccess')}</Paragraph> : (
            <ul className="gp-list">
              {others.map((r) => (
                <li key={r.id}>
                  <span>{r.user.name ?? '—'} {t(`portal.action.${r.action}`)} {t(`portal.resource.${r.object.resourceType}`, { defaultValue: r.object.resourceType })}</span>
                  <span className="gp-meta">{r.user.organisationName ? `${r.user.organisationName} · ` : ''}{formatMoment(r.occurredAt)}</span>
                </li>
              ))}
            </ul>
            );
          }}
        </QueryState>
      </section>
    </>
  );
}

/** A goal in the family's own words; it is about the person who writes it and starts as "later" until agreed. */
function AddGoal({ familyId, memberId }: { familyId: string; memberId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [lifeDomain, setLifeDomain] = useState('');
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const add = useMutation({
    mutationFn: (body: unknown) => api('POST', `/api/v1/families/${familyId}/goals`, body),
    onSuccess: async () => {
      setTitle('');
      setMessage({ type: 'ok', text: t('portal.goalAdded') });
      await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
    },
    onError: () => setMessage({ type: 'error', text: t('common.error') }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { title, lifeDomain, memberIds: [memberId], focus: 'later' };
    if (!CreateGoal.safeParse(body).success) return setMessage({ type: 'error', text: t('portal.goalTitle') });
    add.mutate(body);
  };
  return (
    <section aria-labelledby="add-goal-title" className="gp-card">
      <Heading2 id="add-goal-title">{t('portal.addGoal')}</Heading2>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      <form onSubmit={submit} noValidate className="gp-form">
        <FormField label={<FormLabel htmlFor="goal-title">{t('portal.goalTitle')}</FormLabel>}
          input={<Textarea id="goal-title" value={title} onChange={(e) => setTitle(e.target.value)} rows={2} required />} />
        <FormField label={<FormLabel htmlFor="goal-domain">{t('portal.goalDomain')}</FormLabel>}
          input={(
            <Select id="goal-domain" value={lifeDomain} onChange={(e) => setLifeDomain(e.target.value)} required>
              <SelectOption value="">…</SelectOption>
              {defaultLifeDomains.map((d) => <SelectOption key={d.code} value={d.code}>{lifeDomainName(d.code)}</SelectOption>)}
            </Select>
          )} />
        <div className="gp-form-actions">
          <Button type="submit" appearance="primary-action-button" disabled={add.isPending}>{t('portal.addGoalSubmit')}</Button>
        </div>
      </form>
    </section>
  );
}
