import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import type { HandoverNote } from '@gezinsplan/domain';
import { TextAreaField } from '../../components/TextAreaField';
import type { FieldErrors } from '../../components/validation';

export type HandoverDraft = HandoverNote;
export const emptyHandover: HandoverDraft = { whatWorks: '', whatToWatch: '', familyTrusts: '', openActions: '' };

const parts = ['whatWorks', 'whatToWatch', 'familyTrusts', 'openActions'] as const;

/**
 * The handover note in its four parts. Errors come keyed as the API names them ("handover.whatWorks"), so a refusal
 * from the server lands on the right field.
 */
export function HandoverFields({ idPrefix, value, onChange, errors = {}, hint }: {
  idPrefix: string; value: HandoverDraft; onChange: (next: HandoverDraft) => void; errors?: FieldErrors; hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="gp-fieldset">
      <legend>{t('continuity.handover.legend')}</legend>
      {hint && <Paragraph className="gp-meta">{hint}</Paragraph>}
      {parts.map((part) => (
        <TextAreaField key={part} id={`${idPrefix}-${part}`} label={t(`continuity.handover.${part}`)} value={value[part]}
          error={errors[`handover.${part}`] ?? (part === 'whatWorks' ? errors.handover : undefined)}
          onChange={(e) => onChange({ ...value, [part]: e.target.value })} />
      ))}
    </fieldset>
  );
}
