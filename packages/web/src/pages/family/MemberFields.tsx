import { useTranslation } from 'react-i18next';
import type { MemberRole } from '@gezinsplan/domain';
import { TextField } from '../../components/TextField';
import { SelectField } from '../../components/SelectField';
import { CheckboxField } from '../../components/CheckboxField';
import type { FieldErrors } from '../../components/validation';

export interface MemberDraft { givenName: string; familyName: string; birthDate: string; role: MemberRole; hasCustody: boolean; bsn: string }

export const emptyMember = (familyName = ''): MemberDraft => ({ givenName: '', familyName, birthDate: '', role: 'child', hasCustody: false, bsn: '' });

/** The member as the API takes it: an empty BSN field means "no (new) BSN", not an empty BSN. */
export function memberBody({ bsn, ...rest }: MemberDraft) {
  return bsn.trim() ? { ...rest, bsn: bsn.trim() } : rest;
}

/**
 * The fields of one family member, for registering a family, adding a member and changing one. `errors` is keyed
 * by field name; `bsnKnown` says a BSN is on file, so an empty field keeps it.
 */
export function MemberFields({ idPrefix, value, onChange, errors = {}, bsnKnown = false }: {
  idPrefix: string;
  value: MemberDraft;
  onChange: (patch: Partial<MemberDraft>) => void;
  errors?: FieldErrors;
  bsnKnown?: boolean;
}) {
  const { t } = useTranslation();
  const roles = [{ value: 'parent', label: t('family.parent') }, { value: 'child', label: t('family.child') }, { value: 'other', label: t('family.other') }];
  return (
    <>
      <TextField id={`${idPrefix}-given`} label={t('edit.givenName')} value={value.givenName} error={errors.givenName} autoComplete="off"
        onChange={(e) => onChange({ givenName: e.target.value })} required />
      <TextField id={`${idPrefix}-family`} label={t('edit.familyNameOfMember')} value={value.familyName} error={errors.familyName} autoComplete="off"
        onChange={(e) => onChange({ familyName: e.target.value })} required />
      <TextField id={`${idPrefix}-birth`} type="date" label={t('edit.birthDate')} value={value.birthDate} error={errors.birthDate}
        onChange={(e) => onChange({ birthDate: e.target.value })} required />
      <SelectField id={`${idPrefix}-role`} label={t('edit.role')} value={value.role} options={roles} onChange={(e) => onChange({ role: e.target.value as MemberRole })} />
      <CheckboxField id={`${idPrefix}-custody`} label={t('edit.custody')} checked={value.hasCustody} onChange={(hasCustody) => onChange({ hasCustody })} />
      <TextField id={`${idPrefix}-bsn`} label={bsnKnown ? t('people.bsnKeep') : t('people.bsn')} description={t('people.bsnHint')} value={value.bsn}
        error={errors.bsn} inputMode="numeric" autoComplete="off" onChange={(e) => onChange({ bsn: e.target.value })} />
    </>
  );
}
