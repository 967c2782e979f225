import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import type { Family } from '@gezinsplan/domain';
import { api } from '../api/client';
import type { Page } from '../api/queries';
import { TextField } from '../components/TextField';

/** Finds a family I may see by its name (the server matches only names the family shares with my organisation). */
export function FamilySearch() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const term = q.trim();
  const found = useQuery({
    queryKey: ['families', 'search', term], enabled: term.length >= 2,
    queryFn: () => api<Page<Family>>('GET', `/api/v1/families?limit=10&q=${encodeURIComponent(term)}`),
  });
  return (
    <div role="search">
      <TextField id="family-search" type="search" label={t('edit.searchFamilies')} description={t('edit.searchFamiliesHint')} value={q} onChange={(e) => setQ(e.target.value)} />
      {term.length >= 2 && found.data && (found.data.items.length === 0
        ? <Paragraph role="status">{t('edit.noResults')}</Paragraph>
        : (
          <ul className="gp-list" aria-label={t('edit.searchFamilies')}>
            {found.data.items.map((f) => (
              <li key={f.id}><Link className="utrecht-link" to={`/gezinnen/${f.id}`}>{f.name ?? t('myWork.nameHidden')}</Link><span className="gp-badge">{t(`phase.${f.phase}`)}</span></li>
            ))}
          </ul>
        ))}
    </div>
  );
}
