import { useTranslation } from 'react-i18next';
import { defaultLifeDomains, teamRoles, type TeamRole } from '@gezinsplan/domain';
import { TextField } from '../../components/TextField';
import { SelectField } from '../../components/SelectField';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import type { FieldErrors } from '../../components/validation';
import { HandoverFields, type HandoverDraft } from '../continuity/HandoverFields';
import { lifeDomainName } from './PlanView';

export interface TeamMemberDraft { role: TeamRole; lifeDomains: string[]; responsibility: string; handover: HandoverDraft }

/** The draft as the API takes it: the handover note only goes along when it hands over coordination. */
export function teamMemberBody({ handover, ...rest }: TeamMemberDraft, becomesCoordinator: boolean) {
  return becomesCoordinator ? { ...rest, handover } : rest;
}

/**
 * A professional's place in the team: role, the life domains they work on and what they are responsible for.
 * Making someone coordinator asks for the handover note the next coordinator starts from.
 */
export function TeamMemberFields({ idPrefix, value, onChange, errors = {}, asksHandover }: {
  idPrefix: string;
  value: TeamMemberDraft;
  onChange: (patch: Partial<TeamMemberDraft>) => void;
  errors?: FieldErrors;
  asksHandover: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField id={`${idPrefix}-role`} label={t('edit.teamRole')} value={value.role} onChange={(e) => onChange({ role: e.target.value as TeamRole })}
        options={teamRoles.map((r) => ({ value: r, label: t(`myWork.role.${r}`) }))} />
      <CheckboxGroup id={`${idPrefix}-domains`} legend={t('edit.domains')} columns selected={value.lifeDomains} onChange={(lifeDomains) => onChange({ lifeDomains })}
        options={defaultLifeDomains.map((d) => ({ value: d.code, label: lifeDomainName(d.code) }))} error={errors.lifeDomains} />
      <TextField id={`${idPrefix}-responsibility`} label={t('edit.responsibility')} value={value.responsibility} error={errors.responsibility}
        onChange={(e) => onChange({ responsibility: e.target.value })} />
      {asksHandover && (
        <HandoverFields idPrefix={`${idPrefix}-handover`} value={value.handover} errors={errors} hint={t('edit.handoverHint')} onChange={(handover) => onChange({ handover })} />
      )}
    </>
  );
}
