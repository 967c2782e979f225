import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Heading1, Paragraph } from '@utrecht/component-library-react';
import type { Family } from '@gezinsplan/domain';
import { ApiError } from '../../api/client';
import { useFamily } from '../../api/queries';
import { Loading } from '../../components/Loading';
import { formatDate } from '../../format';

export type FamilySection = 'overview' | 'needs' | 'evaluations' | 'consultations' | 'other';

/** The family's name, phase and coordinator: the top of every page of a family's file. */
export function FamilyHeader({ family }: { family: Family }) {
  const { t } = useTranslation();
  return (
    <div>
      <Heading1>{family.name ?? t('family.nameHidden')}</Heading1>
      <Paragraph>
        <span className="gp-badge">{t(`phase.${family.phase}`)}</span>
        {family.coordinator && <span className="gp-meta"> · {t('family.coordinator')}: {family.coordinator.name} ({family.coordinator.organisationName})</span>}
      </Paragraph>
      <Paragraph className="gp-only-print gp-meta">{t('family.printedOn', { date: formatDate(new Date().toISOString()) })}</Paragraph>
    </div>
  );
}

/** The parts of the file, one page each: the overview (people and plan), the life domains, the evaluations, the consultations. */
export function FamilyNav({ familyId, active }: { familyId: string; active: FamilySection }) {
  const { t } = useTranslation();
  const items: { section: FamilySection; to: string; label: string }[] = [
    { section: 'overview', to: `/gezinnen/${familyId}`, label: t('process.nav.overview') },
    { section: 'needs', to: `/gezinnen/${familyId}/leefgebieden`, label: t('process.nav.needs') },
    { section: 'evaluations', to: `/gezinnen/${familyId}/evaluaties`, label: t('process.nav.evaluations') },
    { section: 'consultations', to: `/gezinnen/${familyId}/overleg`, label: t('consultations.nav') },
  ];
  return (
    <nav aria-label={t('process.nav.label')} className="gp-tabs gp-no-print">
      <ul>
        {items.map((item) => (
          <li key={item.section}>
            <Link to={item.to} className="gp-tab" aria-current={item.section === active ? 'page' : undefined}>{item.label}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A page of a family's file: the header and the sections' navigation above the page's own content, or one clear
 * message when the family does not exist or may not be seen (the same 404 either way).
 */
export function FamilyFrame({ familyId, active, children }: { familyId: string; active: FamilySection; children: (family: Family) => ReactNode }) {
  const { t } = useTranslation();
  const family = useFamily(familyId);
  if (family.isPending) return <Loading />;
  if (family.isError) {
    const missing = family.error instanceof ApiError && family.error.status === 404;
    return <Alert type="error" role="alert"><Paragraph>{missing ? t('family.notFound') : t('common.error')}</Paragraph></Alert>;
  }
  return (
    <>
      <FamilyHeader family={family.data} />
      <FamilyNav familyId={familyId} active={active} />
      {children(family.data)}
    </>
  );
}

/** A link back to the family's overview, for pages a task leads to (a goal's help, closing the file). */
export function BackToFamily({ familyId }: { familyId: string }) {
  const { t } = useTranslation();
  return <Paragraph className="gp-no-print"><Link className="utrecht-link" to={`/gezinnen/${familyId}`}>{t('process.choice.back')}</Link></Paragraph>;
}
