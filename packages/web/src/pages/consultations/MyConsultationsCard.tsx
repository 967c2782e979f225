import { useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, FormLabel, Heading2, Paragraph, Textbox } from '@utrecht/component-library-react';
import { api } from '../../api/client';
import { QueryState } from '../../components/QueryState';
import { formatDate } from '../../format';
import { consultationUrl, formatSlot, useFeedStatus, useMyConsultations } from './api';

/** Mijn werk: the consultations I am invited to that are coming up, and (beside it) my calendar feed link. */
export function MyConsultationsCard() {
  const { t, i18n } = useTranslation();
  const mine = useMyConsultations();
  return (
    <>
      <section aria-labelledby="my-consultations-title" className="gp-card">
        <Heading2 id="my-consultations-title">{t('consultations.mine')}</Heading2>
        <QueryState query={mine}>
          {(page) => page.items.length === 0 ? <Paragraph>{t('consultations.mineNone')}</Paragraph> : (
            <ul className="gp-list" aria-labelledby="my-consultations-title">
              {page.items.map((c) => (
                <li key={c.id}>
                  <span>
                    <Link className="utrecht-link" to={consultationUrl(c.familyId, c.id)}>{t('consultations.when', formatSlot(c.startsAt, c.endsAt, i18n.language))}</Link>
                    <br />
                    <span className="gp-meta">{c.familyName ?? t('consultations.familyHidden')}{c.location ? ` · ${c.location}` : ''}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </QueryState>
      </section>
      <CalendarFeed />
    </>
  );
}

/** The personal calendar feed: made (or made anew) here and shown once, since only its hash is kept. */
function CalendarFeed() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const status = useFeedStatus();
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const make = async () => {
    const made = await api<{ token: string }>('POST', '/api/v1/me/calendar-token');
    // The app is served by the server it talks to: the link is this site's, whatever its public address.
    setLink(`${window.location.origin}/api/v1/me/calendar.ics?token=${made.token}`);
    setCopied(false);
    await queryClient.invalidateQueries({ queryKey: ['me', 'calendar-token'] });
  };
  const copy = async () => {
    if (!link) return;
    await navigator.clipboard.writeText(link).catch(() => undefined);
    setCopied(true);
  };
  return (
    <section aria-labelledby="calendar-feed-title" className="gp-card">
      <Heading2 id="calendar-feed-title">{t('consultations.feed.title')}</Heading2>
      <Paragraph>{t('consultations.feed.intro')}</Paragraph>
      <Paragraph><strong>{t('consultations.feed.secret')}</strong></Paragraph>
      {link ? (
        <>
          <FormField label={<FormLabel htmlFor="calendar-feed-link">{t('consultations.feed.link')}</FormLabel>}
            input={<Textbox id="calendar-feed-link" readOnly value={link} onFocus={(e) => e.target.select()} />} />
          <Paragraph className="gp-meta">{t('consultations.feed.howTo')}</Paragraph>
        </>
      ) : status.data?.active && status.data.createdAt ? <Paragraph className="gp-meta">{t('consultations.feed.since', { date: formatDate(status.data.createdAt) })}</Paragraph> : null}
      <div className="gp-form-actions">
        {link && <Button appearance="secondary-action-button" onClick={() => void copy()}>{t('consultations.feed.copy')}</Button>}
        <Button appearance="secondary-action-button" onClick={() => void make()}>{status.data?.active || link ? t('consultations.feed.remake') : t('consultations.feed.make')}</Button>
      </div>
      {copied && <Alert type="ok" role="status"><Paragraph>{t('consultations.feed.copied')}</Paragraph></Alert>}
    </section>
  );
}
