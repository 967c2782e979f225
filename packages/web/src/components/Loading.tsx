import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/** Shown while data arrives; it takes the space of a line so the page does not jump much when the data comes. */
export function Loading() {
  const { t } = useTranslation();
  return <Paragraph role="status" className="gp-loading">{t('common.loading')}</Paragraph>;
}
