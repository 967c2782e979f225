import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, FormLabel, Heading2, Heading3, Paragraph, Textarea } from '@utrecht/component-library-react';
import { todayInNetherlands, type Consultation, type Family } from '@gezinsplan/domain';
import { api } from '../api/client';
import { usePlan } from '../api/queries';
import { QueryState } from '../components/QueryState';
import { problemText } from '../components/problemText';
import { formatDate } from '../format';
import { FamilyFrame } from './family/FamilyFrame';
import { formatSlot, invitationUrl, useConsultation } from './consultations/api';
import { RecordForm } from './consultations/RecordForm';

/** One consultation: when, where, who, the agenda, the calendar invitation; afterwards its record, or the form for it. */
export function ConsultationPage() {
  const { familyId = '', consultationId = '' } = useParams();
  return <FamilyFrame familyId={familyId} active="consultations">{(family) => <ConsultationView family={family} id={consultationId} />}</FamilyFrame>;
}

function ConsultationView({ family, id }: { family: Family; id: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const consultation = useConsultation(family.id, id);
  const [saved, setSaved] = useState<string | null>((location.state as { saved?: string } | null)?.saved ?? null);
  return (
    <>
      <Paragraph className="gp-no-print"><Link className="utrecht-link" to={`/gezinnen/${family.id}/overleg`}>{t('consultations.back')}</Link></Paragraph>
      {saved && <Alert type="ok" role="status"><Paragraph>{t(`consultations.${saved as 'planned'}`)}</Paragraph></Alert>}
      <QueryState query={consultation}>
        {(c) => (
          <>
            <Details c={c} />
            {c.record && <Record c={c} />}
            {c.allowedActions.includes('record') && (todayInNetherlands(new Date(c.startsAt)) <= todayInNetherlands()
              ? <RecordForm consultation={c} onRecorded={() => setSaved('recorded')} />
              : <Paragraph className="gp-meta">{t('consultations.notYet')}</Paragraph>)}
            {c.allowedActions.includes('cancel') && <CancelForm c={c} onCancelled={() => setSaved('cancelled')} />}
          </>
        )}
      </QueryState>
    </>
  );
}

function Details({ c }: { c: Consultation }) {
  const { t, i18n } = useTranslation();
  const people = [...c.invitees.professionals.map((p) => ({ key: p.userId, name: `${p.name} (${p.organisationName})`, attended: p.attended })),
    ...c.invitees.members.map((m) => ({ key: m.id, name: m.name, attended: m.attended })), ...c.invitees.supporters.map((s) => ({ key: s.id, name: s.name, attended: s.attended }))];
  return (
    <section aria-labelledby="consultation-title" className="gp-card">
      <div className="gp-toolbar">
        <Heading2 id="consultation-title">{t('consultations.when', formatSlot(c.startsAt, c.endsAt, i18n.language))}</Heading2>
        <span className={c.status === 'cancelled' ? 'gp-badge gp-badge--late' : 'gp-badge'}>{t(`consultations.status.${c.status}`)}</span>
      </div>
      {c.location && <Paragraph>{c.location}</Paragraph>}
      {c.videoUrl && <Paragraph>{t('consultations.video')}: <a className="utrecht-link" href={c.videoUrl} rel="noreferrer noopener" target="_blank">{c.videoUrl}</a></Paragraph>}
      <Paragraph className="gp-meta">{t('consultations.organiser', { name: c.organiser.name, organisation: c.organiser.organisationName })}</Paragraph>
      {c.cancelReason && <Paragraph>{t('consultations.cancelledBecause', { reason: c.cancelReason })}</Paragraph>}
      <Paragraph className="gp-no-print">
        <a className="utrecht-link" href={invitationUrl(c.familyId, c.id)} download={`consult-${c.id}.ics`}>{t('consultations.ics')}</a>
        <br /><span className="gp-meta">{t('consultations.icsHint')}</span>
      </Paragraph>
      <Heading3 id="consultation-invitees">{t('consultations.invitees')}</Heading3>
      <ul className="gp-list" aria-labelledby="consultation-invitees">
        {people.map((p) => <li key={p.key}><span>{p.name}</span>{p.attended !== null && <span className="gp-meta">{t(p.attended ? 'consultations.attended' : 'consultations.absent')}</span>}</li>)}
      </ul>
      <Heading3 id="consultation-agenda">{t('consultations.agenda')}</Heading3>
      {c.agenda.length === 0 ? <Paragraph>{t('consultations.agendaEmpty')}</Paragraph> : (
        <ol aria-labelledby="consultation-agenda">
          {c.agenda.map((i, n) => (
            <li key={n}>
              <span className="gp-badge">{t(`consultations.kind.${i.kind}`)}</span>{' '}
              {i.goalId ? <Link className="utrecht-link" to={`/gezinnen/${c.familyId}/doelen/${i.goalId}`}>{i.title}</Link> : i.title}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Record({ c }: { c: Consultation }) {
  const { t } = useTranslation();
  const plan = usePlan(c.familyId);
  const goalTitle = (id: string | null) => (id ? plan.data?.goals.find((g) => g.id === id)?.title ?? null : null);
  const record = c.record!;
  return (
    <section aria-labelledby="consultation-record" className="gp-card">
      <Heading2 id="consultation-record">{t('consultations.recordedOn', { date: formatDate(record.recordedAt) })}</Heading2>
      {record.notes && <Paragraph>{record.notes}</Paragraph>}
      <Heading3 id="consultation-decided">{t('consultations.decided')}</Heading3>
      {record.decisions.length === 0 ? <Paragraph>{t('consultations.noDecisions')}</Paragraph> : (
        <ul aria-labelledby="consultation-decided">
          {record.decisions.map((d, n) => <li key={n}>{d.text}{goalTitle(d.goalId) && <span className="gp-meta"> · {goalTitle(d.goalId)}</span>}</li>)}
        </ul>
      )}
      {record.actions.length > 0 && (
        <>
          <Heading3 id="consultation-actions">{t('consultations.newActions')}</Heading3>
          <ul aria-labelledby="consultation-actions">
            {record.actions.map((a) => <li key={a.actionId}><Link className="utrecht-link" to={`/gezinnen/${c.familyId}/doelen/${a.goalId}`}>{a.title}</Link></li>)}
          </ul>
        </>
      )}
    </section>
  );
}

function CancelForm({ c, onCancelled }: { c: Consultation; onCancelled: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const cancel = async () => {
    try {
      await api('POST', `/api/v1/families/${c.familyId}/consultations/${c.id}/cancel`, { reason });
      await queryClient.invalidateQueries({ queryKey: ['family', c.familyId] });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      onCancelled();
    } catch (e) {
      setMessage(problemText(e));
    }
  };
  return (
    <details className="gp-details gp-no-print">
      <summary>{t('consultations.cancel')}</summary>
      {message && <Alert type="error" role="alert"><Paragraph>{message}</Paragraph></Alert>}
      <FormField label={<FormLabel htmlFor="cancel-reason">{t('consultations.cancelReason')}</FormLabel>}
        input={<Textarea id="cancel-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />} />
      <Button appearance="secondary-action-button" onClick={() => void cancel()}>{t('consultations.cancel')}</Button>
    </details>
  );
}
