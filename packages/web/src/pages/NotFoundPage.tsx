import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Heading1, Paragraph } from '@utrecht/component-library-react';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="not-found-title">
      <Heading1 id="not-found-title">{t('notFound.title')}</Heading1>
      <Paragraph>{t('notFound.body')}</Paragraph>
      <Paragraph><Link className="utrecht-link" to="/">{t('notFound.home')}</Link></Paragraph>
    </section>
  );
}
