import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Fieldset, FieldsetLegend, Heading2, Paragraph } from '@utrecht/component-library-react';
import { CreateConsultation, todayInNetherlands, type AgendaItem, type Consultation, type Family } from '@gezinsplan/domain';
import { api } from '../api/client';
import { useMembers, useSupporters, useTeam } from '../api/queries';
import { CheckboxField } from '../components/CheckboxField';
import { CheckboxGroup } from '../components/CheckboxGroup';
import { TextField } from '../components/TextField';
import { QueryState } from '../components/QueryState';
import { checkForm, type FieldErrors } from '../components/validation';
import { problemFieldErrors, problemText } from '../components/problemText';
import { useSession } from '../session/session';
import { FamilyFrame } from './family/FamilyFrame';
import { consultationUrl, useAgendaProposal } from './consultations/api';

/** Planning a joint consultation: when, where, who, and an agenda that starts from the plan. */
export function NewConsultationPage() {
  const { familyId = '' } = useParams();
  return <FamilyFrame familyId={familyId} active="consultations">{(family) => <PlanForm family={family} />}</FamilyFrame>;
}

const itemKey = (i: AgendaItem) => `${i.kind}-${i.refId}`;

function PlanForm({ family }: { family: Family }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSession();
  const members = useMembers(family.id);
  const supporters = useSupporters(family.id);
  const team = useTeam(family.id);
  const proposal = useAgendaProposal(family.id);
  const [date, setDate] = useState(todayInNetherlands());
  const [start, setStart] = useState('10:00');
  const [end, setEnd] = useState('11:00');
  const [location, setLocation] = useState('');
  const [videoUrl, setVideoUrl] = useState('');
  const [userIds, setUserIds] = useState<string[]>([]);
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [supporterIds, setSupporterIds] = useState<string[]>([]);
  const [dropped, setDropped] = useState<string[]>([]);
  const [freeItems, setFreeItems] = useState<string[]>([]);
  const [freeItem, setFreeItem] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const me = session.data?.user.id;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const at = (time: string) => (date && time ? new Date(`${date}T${time}`).toISOString() : '');
    const agenda = [
      ...(proposal.data?.items ?? []).filter((i) => !dropped.includes(itemKey(i))).map((i) => ({ kind: i.kind, refId: i.refId })),
      ...freeItems.map((title) => ({ kind: 'free' as const, title })),
    ];
    const body = {
      startsAt: at(start), endsAt: at(end), location, ...(videoUrl ? { videoUrl } : {}),
      invitees: { userIds, memberIds, supporterIds }, agenda,
    };
    const checked = checkForm(CreateConsultation, body);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return setMessage(checked.errors.location ? t('consultations.placeNeeded') : t('validation.summary'));
    try {
      const made = await api<Consultation>('POST', `/api/v1/families/${family.id}/consultations`, body);
      await queryClient.invalidateQueries({ queryKey: ['family', family.id] });
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await navigate(consultationUrl(family.id, made.id), { state: { saved: 'planned' } });
    } catch (e) {
      setErrors(problemFieldErrors(e));
      setMessage(problemText(e));
    }
  };

  return (
    <>
      <Paragraph className="gp-no-print"><Link className="utrecht-link" to={`/gezinnen/${family.id}/overleg`}>{t('consultations.back')}</Link></Paragraph>
      <section aria-labelledby="new-consultation-title" className="gp-card">
        <Heading2 id="new-consultation-title">{t('consultations.planTitle')}</Heading2>
        <Paragraph>{t('consultations.planIntro')}</Paragraph>
        {message && <Alert type="error" role="alert"><Paragraph>{message}</Paragraph></Alert>}
        <form onSubmit={(e) => void submit(e)} noValidate className="gp-form" aria-labelledby="new-consultation-title">
          <TextField id="consultation-date" type="date" label={t('consultations.date')} value={date} onChange={(e) => setDate(e.target.value)} error={errors.startsAt} />
          <TextField id="consultation-start" type="time" label={t('consultations.start')} value={start} onChange={(e) => setStart(e.target.value)} />
          <TextField id="consultation-end" type="time" label={t('consultations.end')} value={end} onChange={(e) => setEnd(e.target.value)} error={errors.endsAt} />
          <TextField id="consultation-location" label={t('consultations.location')} value={location} onChange={(e) => setLocation(e.target.value)} error={errors.location} />
          <TextField id="consultation-video" type="url" label={t('consultations.videoUrl')} value={videoUrl} onChange={(e) => setVideoUrl(e.target.value)} error={errors.videoUrl} />
          <Fieldset>
            <FieldsetLegend>{t('consultations.invitees')}</FieldsetLegend>
            <CheckboxGroup id="invite-team" legend={t('consultations.team')} selected={userIds} onChange={setUserIds} error={errors['invitees.userIds']}
              options={(team.data?.items ?? []).filter((m) => m.active && m.userId !== me).map((m) => ({ value: m.userId, label: `${m.name} (${m.organisationName})` }))} />
            <CheckboxGroup id="invite-family" legend={t('consultations.family')} selected={memberIds} onChange={setMemberIds}
              options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.givenName} ${m.familyName}` }))} />
            {(supporters.data?.items ?? []).length > 0 && (
              <CheckboxGroup id="invite-supporters" legend={t('consultations.supporters')} selected={supporterIds} onChange={setSupporterIds}
                options={(supporters.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))} />
            )}
          </Fieldset>
          <Fieldset>
            <FieldsetLegend>{t('consultations.agenda')}</FieldsetLegend>
            <Paragraph className="gp-meta">{t('consultations.agendaIntro')}</Paragraph>
            <QueryState query={proposal}>
              {(p) => (
                <>
                  {p.items.length === 0 && freeItems.length === 0 && <Paragraph>{t('consultations.agendaEmpty')}</Paragraph>}
                  {p.items.map((i) => (
                    <CheckboxField key={itemKey(i)} id={`agenda-${itemKey(i)}`} label={`${t(`consultations.kind.${i.kind}`)}: ${i.title}`}
                      checked={!dropped.includes(itemKey(i))} onChange={(on) => setDropped((d) => (on ? d.filter((k) => k !== itemKey(i)) : [...d, itemKey(i)]))} />
                  ))}
                  {freeItems.map((title, n) => (
                    <CheckboxField key={`free-${n}`} id={`agenda-free-${n}`} label={`${t('consultations.kind.free')}: ${title}`} checked
                      onChange={() => setFreeItems((f) => f.filter((_, k) => k !== n))} />
                  ))}
                </>
              )}
            </QueryState>
            <TextField id="agenda-free" label={t('consultations.freeItem')} value={freeItem} onChange={(e) => setFreeItem(e.target.value)} />
            <Button appearance="secondary-action-button" onClick={() => { if (freeItem.trim()) setFreeItems((f) => [...f, freeItem.trim()]); setFreeItem(''); }}>{t('consultations.addItem')}</Button>
          </Fieldset>
          <div className="gp-form-actions">
            <Button type="submit" appearance="primary-action-button">{t('consultations.submit')}</Button>
          </div>
        </form>
      </section>
    </>
  );
}
