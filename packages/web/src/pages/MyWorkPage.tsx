import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ButtonLink, Heading1, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useCaseload, useIncomingReferrals, useMyActions, useMyEvaluations, type CaseloadItemT } from '../api/queries';
import { ReferralCard } from './referrals/ReferralCard';
import { SignalsSection } from './signals/SignalsSection';
import { MyConsultationsCard } from './consultations/MyConsultationsCard';
import { QueryState } from '../components/QueryState';
import { formatDate } from '../format';
import { FamilySearch } from './FamilySearch';

/**
 * A professional's start: the families whose team they are on, their open actions by due date, and the evaluations
 * and aftercare checks that are overdue or coming up.
 */
export function MyWorkPage({ name }: { name: string }) {
  const { t } = useTranslation();
  const caseload = useCaseload();
  const actions = useMyActions();
  const evaluations = useMyEvaluations();
  const incoming = useIncomingReferrals();
  const navigate = useNavigate();
  return (
    <>
      <Heading1>{t('myWork.title')}</Heading1>
      <div className="gp-toolbar">
        <Paragraph>{t('myWork.welcome', { name })}</Paragraph>
        <ButtonLink href="/gezinnen/nieuw" appearance="primary-action-button" onClick={(e) => { e.preventDefault(); void navigate('/gezinnen/nieuw'); }}>{t('edit.newFamilyButton')}</ButtonLink>
      </div>
      <FamilySearch />
      <div className="gp-grid">
        <section aria-labelledby="families-title" className="gp-card">
          <Heading2 id="families-title">{t('myWork.families')}</Heading2>
          <QueryState query={caseload}>
            {(page) => page.items.length === 0 ? <Paragraph>{t('myWork.noFamilies')}</Paragraph> : (
              <ul className="gp-list" aria-labelledby="families-title">
                {page.items.map((f) => (
                  <li key={f.id}>
                    <span>
                      <Link className="utrecht-link" to={`/gezinnen/${f.id}`}>{f.name ?? t('myWork.nameHidden')}</Link>
                      <br />
                      <span className="gp-meta">{t(`myWork.role.${f.myRole as 'member'}`)} · {t('myWork.openActions', { count: f.openActions })}</span>
                      <br />
                      <SinceMyVisit item={f} />
                      {f.nextEvaluationOn && f.evaluationStatus && (
                        <><br /><span className={f.evaluationStatus === 'overdue' ? 'gp-overdue' : 'gp-meta'}>
                          {t('process.myWork.caseload', { status: t(`process.schedule.status.${f.evaluationStatus}`).toLowerCase(), date: formatDate(f.nextEvaluationOn) })}
                        </span></>
                      )}
                    </span>
                    <span className="gp-badge">{t(`phase.${f.phase}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </section>
        <section aria-labelledby="evaluations-title" className="gp-card">
          <Heading2 id="evaluations-title">{t('process.myWork.title')}</Heading2>
          <QueryState query={evaluations}>
            {(page) => page.items.length === 0 ? <Paragraph>{t('process.myWork.none')}</Paragraph> : (
              <ul className="gp-list" aria-labelledby="evaluations-title">
                {page.items.map((e) => (
                  <li key={`${e.kind}-${e.familyId}`}>
                    <span>
                      <Link className="utrecht-link" to={e.kind === 'evaluation' ? `/gezinnen/${e.familyId}/evaluaties` : `/gezinnen/${e.familyId}`}>{e.familyName ?? t('myWork.nameHidden')}</Link>
                      <br />
                      <span className="gp-meta">{t('process.myWork.due', { what: t(`process.myWork.${e.kind}`), date: formatDate(e.dueOn) })}</span>
                    </span>
                    <span className={e.status === 'overdue' ? 'gp-badge gp-badge--late' : 'gp-badge'}>{t(`process.schedule.status.${e.status}`)}</span>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </section>
        <MyConsultationsCard />
        <section aria-labelledby="actions-title" className="gp-card">
          <Heading2 id="actions-title">{t('myWork.actions')}</Heading2>
          <QueryState query={actions}>
            {(page) => page.items.length === 0 ? <Paragraph>{t('myWork.noActions')}</Paragraph> : (
              <ul className="gp-list" aria-labelledby="actions-title">
                {page.items.map((a) => (
                  <li key={a.id}>
                    <span>
                      {a.title}
                      <br />
                      <Link className="utrecht-link gp-meta" to={`/gezinnen/${a.familyId}`}>{a.familyName ?? t('myWork.nameHidden')}</Link>
                      <span className="gp-meta"> · {a.goalTitle ?? t('myWork.goalHidden')}</span>
                    </span>
                    <span className={a.overdue ? 'gp-overdue' : 'gp-meta'}>
                      {a.overdue && `${t('myWork.overdue')}: `}{a.dueDate ? t('myWork.due', { date: formatDate(a.dueDate) }) : t('myWork.noDue')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </QueryState>
        </section>
      </div>
      <SignalsSection familyNames={new Map((caseload.data?.items ?? []).map((f) => [f.id, f.name]))} />
      {incoming.data && incoming.data.items.length > 0 && (
        <section aria-labelledby="incoming-title" className="gp-card">
          <Heading2 id="incoming-title">{t('referrals.inbox')}</Heading2>
          <div className="gp-referrals">
            {incoming.data.items.map((r) => (
              <div key={r.id}>
                <ReferralCard referral={r} />
                {(r.status === 'accepted' || r.status === 'in-progress') && <Paragraph><Link className="utrecht-link" to={`/gezinnen/${r.familyId}`}>{t('referrals.openFile')}</Link></Paragraph>}
              </div>
            ))}
          </div>
        </section>
      )}
    </>
  );
}

/** What others changed since I last opened the file: the reason to open it again. */
function SinceMyVisit({ item }: { item: CaseloadItemT }) {
  const { t } = useTranslation();
  const changes = item.changesSinceMyVisit >= 50 ? t('myWork.changesMany') : t('myWork.changes', { count: item.changesSinceMyVisit });
  if (item.changesSinceMyVisit > 0) return <span className="gp-news">{item.myLastVisitAt ? changes : `${t('myWork.neverOpened')} · ${changes}`}</span>;
  return <span className="gp-meta">{item.myLastVisitAt ? t('myWork.lastOpened', { date: formatDate(item.myLastVisitAt) }) : t('myWork.neverOpened')}</span>;
}
