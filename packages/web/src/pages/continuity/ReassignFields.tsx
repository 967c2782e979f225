import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import type { PlanT } from '../../api/queries';
import { SelectField } from '../../components/SelectField';
import type { FieldErrors } from '../../components/validation';

export interface OpenAction { id: string; title: string }
export interface Candidate { userId: string; name: string; organisationName: string }

/** The open actions a professional holds in this plan (as far as the reader sees them). */
export function openActionsOf(plan: PlanT | undefined, userId: string): OpenAction[] {
  return (plan?.goals ?? []).flatMap((g) => g.actions)
    .filter((a) => a.status === 'open' && a.assignee.kind === 'user' && a.assignee.id === userId)
    .map((a) => ({ id: a.id, title: a.title }));
}

/** The body's `reassign`, in the order of the actions, so a refusal's `/body/reassign/{i}` points at the right field. */
export function reassignBody(actions: readonly OpenAction[], chosen: Record<string, string>) {
  return actions.filter((a) => chosen[a.id]).map((a) => ({ actionId: a.id, toUserId: chosen[a.id]! }));
}

/** For each open action of the one leaving: who takes it over, chosen from who stays on the team. */
export function ReassignFields({ idPrefix, leaverName, actions, candidates, value, onChange, errors = {} }: {
  idPrefix: string; leaverName: string; actions: readonly OpenAction[]; candidates: readonly Candidate[];
  value: Record<string, string>; onChange: (next: Record<string, string>) => void; errors?: FieldErrors;
}) {
  const { t } = useTranslation();
  if (actions.length === 0) return null;
  const sent = reassignBody(actions, value);
  const errorFor = (actionId: string) => {
    const i = sent.findIndex((r) => r.actionId === actionId);
    return (i >= 0 ? errors[`reassign.${i}.toUserId`] : undefined) ?? (!value[actionId] && errors.reassign ? errors.reassign : undefined);
  };
  return (
    <fieldset className="gp-fieldset">
      <legend>{t('continuity.reassign.legend', { name: leaverName })}</legend>
      <Paragraph className="gp-meta">{t('continuity.reassign.hint')}</Paragraph>
      {actions.map((a) => (
        <SelectField key={a.id} id={`${idPrefix}-${a.id}`} label={t('continuity.reassign.to', { title: a.title })} value={value[a.id] ?? ''} error={errorFor(a.id)}
          onChange={(e) => onChange({ ...value, [a.id]: e.target.value })}
          options={[{ value: '', label: t('continuity.reassign.choose') }, ...candidates.map((c) => ({ value: c.userId, label: `${c.name} (${c.organisationName})` }))]} />
      ))}
    </fieldset>
  );
}
