import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Heading2, Heading3, Paragraph, Textarea } from '@utrecht/component-library-react';
import { CollaborationCatalogue, type PublishedCollaborationCatalogue } from '@gezinsplan/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { problemText } from '../../components/problemText';
import { formatDate } from '../../format';
import i18n from '../../i18n';

/**
 * The collaboration components organisations evaluate their integrated work against, as data: every version ever
 * in use, the current one in full with each element's source, and (for the admin) publishing a replacement as a
 * catalogue document, checked against the same schema the server uses before it is sent.
 */
export function CollaborationCatalogueCard() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const versions = useQuery({ queryKey: ['catalogue', 'collaboration', 'versions'], queryFn: () => api<Page<PublishedCollaborationCatalogue>>('GET', '/api/v1/catalogues/collaboration-components/versions') });
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);

  const publish = async (event: FormEvent) => {
    event.preventDefault();
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      setProblems([]);
      return setMessage({ type: 'error', text: t('process.catalogue.notJson') });
    }
    const checked = CollaborationCatalogue.safeParse(document);
    if (!checked.success) {
      setProblems(checked.error.issues.map((i) => `${i.path.join('.') || '—'}: ${i.message}`));
      return setMessage({ type: 'error', text: t('process.catalogue.invalid') });
    }
    setProblems([]);
    try {
      await api('POST', '/api/v1/catalogues/collaboration-components', checked.data);
      setMessage({ type: 'ok', text: t('process.catalogue.published', { version: checked.data.version }) });
      setText('');
      await queryClient.invalidateQueries({ queryKey: ['catalogue', 'collaboration'] });
    } catch (e) {
      setMessage({ type: 'error', text: problemText(e) });
    }
  };

  return (
    <section aria-labelledby="catalogue-title" className="gp-card">
      <Heading2 id="catalogue-title">{t('process.catalogue.title')}</Heading2>
      <Paragraph>{t('process.catalogue.intro')}</Paragraph>
      {message && <Alert type={message.type} role={message.type === 'error' ? 'alert' : 'status'}><Paragraph>{message.text}</Paragraph></Alert>}
      <QueryState query={versions}>
        {(page) => {
          const current = page.items.find((c) => c.current);
          return (
            <>
              <ul className="gp-list" aria-label={t('process.catalogue.versions')}>
                {page.items.map((c) => (
                  <li key={c.version}>
                    <span>{c.name}<br /><span className="gp-meta">{t('process.catalogue.version', { version: c.version })} · {c.publishedAt ? formatDate(c.publishedAt) : t('process.catalogue.builtIn')}</span></span>
                    {c.current && <span className="gp-badge gp-badge--strong">{t('process.catalogue.current')}</span>}
                  </li>
                ))}
              </ul>
              {current && (
                <details className="gp-details">
                  <summary>{t('process.catalogue.components', { count: current.components.length })}</summary>
                  <ol>
                    {current.components.map((c) => (
                      <li key={c.code}><strong>{i18n.language === 'en' ? c.en : c.nl}</strong> — {c.description}<br /><span className="gp-meta">{c.source.citation}</span></li>
                    ))}
                  </ol>
                </details>
              )}
              <details className="gp-details">
                <summary>{t('process.catalogue.publish')}</summary>
                <form onSubmit={(e) => void publish(e)} noValidate className="gp-form" aria-label={t('process.catalogue.publish')}>
                  <Heading3 className="gp-visually-hidden">{t('process.catalogue.publish')}</Heading3>
                  <FormField invalid={problems.length > 0}
                    label={<FormLabel htmlFor="catalogue-document">{t('process.catalogue.document')}</FormLabel>}
                    description={<FormFieldDescription id="catalogue-document-hint">{t('process.catalogue.documentHint')}</FormFieldDescription>}
                    errorMessage={problems.length > 0 ? <FormFieldErrorMessage id="catalogue-document-error"><ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul></FormFieldErrorMessage> : undefined}
                    input={<Textarea id="catalogue-document" rows={12} value={text} invalid={problems.length > 0} className="gp-code"
                      aria-describedby={['catalogue-document-hint', problems.length > 0 ? 'catalogue-document-error' : ''].filter(Boolean).join(' ')}
                      onChange={(e) => setText(e.target.value)} />} />
                  <div className="gp-form-actions">
                    {current && (
                      <Button appearance="secondary-action-button" onClick={() => setText(JSON.stringify({ version: '', name: current.name, components: current.components }, null, 2))}>
                        {t('process.catalogue.startFromCurrent')}
                      </Button>
                    )}
                    <Button type="submit" appearance="primary-action-button">{t('process.catalogue.publish')}</Button>
                  </div>
                </form>
              </details>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
