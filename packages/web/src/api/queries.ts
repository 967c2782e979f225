import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type {
  Assessment, AssessmentComparison, AuditRecord, CaseloadItem, Consent, Decision, Evaluation, Family, HelpOption, MemberSummary, MyAction, MyEvaluation,
  PhaseState, Plan, PlanAgreement, PublishedCollaborationCatalogue, Referral, Supporter, TeamMember, TimelineEntry,
} from '@gezinsplan/domain';
import type { z } from 'zod';
import { api } from './client';

export interface Page<T> { items: T[]; nextCursor: string | null }
export type PlanT = z.infer<typeof Plan>;
export type CaseloadItemT = z.infer<typeof CaseloadItem>;
export type MyActionT = z.infer<typeof MyAction>;
export type SupporterT = z.infer<typeof Supporter>;
export type ComparisonT = z.infer<typeof AssessmentComparison>;
export type MyEvaluationT = z.infer<typeof MyEvaluation>;

const get = <T,>(url: string) => () => api<T>('GET', url);
const family = (id: string) => `/api/v1/families/${id}`;

export const useCaseload = () => useQuery({ queryKey: ['me', 'families'], queryFn: get<Page<CaseloadItemT>>('/api/v1/me/families?limit=100') });
export const useMyActions = () => useQuery({ queryKey: ['me', 'actions'], queryFn: get<Page<MyActionT>>('/api/v1/me/actions?limit=100') });
const familyQuery = (id: string) => queryOptions({ queryKey: ['family', id], queryFn: get<Family>(family(id)) });
export const useFamily = (id: string) => useQuery(familyQuery(id));
const membersQuery = (id: string) => queryOptions({ queryKey: ['family', id, 'members'], queryFn: get<Page<MemberSummary>>(`${family(id)}/members`) });
export const useMembers = (id: string) => useQuery(membersQuery(id));
const supportersQuery = (id: string) => queryOptions({ queryKey: ['family', id, 'supporters'], queryFn: get<Page<SupporterT>>(`${family(id)}/supporters`) });
export const useSupporters = (id: string) => useQuery(supportersQuery(id));
const teamQuery = (id: string) => queryOptions({ queryKey: ['family', id, 'team'], queryFn: get<Page<TeamMember>>(`${family(id)}/team`) });
export const useTeam = (id: string) => useQuery(teamQuery(id));
const planQuery = (id: string) => queryOptions({ queryKey: ['family', id, 'plan'], queryFn: get<PlanT>(`${family(id)}/plan`) });
export const usePlan = (id: string) => useQuery(planQuery(id));
const timelineQuery = (id: string) => queryOptions({ queryKey: ['family', id, 'timeline'], queryFn: get<Page<TimelineEntry>>(`${family(id)}/timeline?limit=50`) });
export const useTimeline = (id: string) => useQuery(timelineQuery(id));
export const useConsents = (id: string) => useQuery({ queryKey: ['family', id, 'consents'], queryFn: get<Page<Consent>>(`${family(id)}/consents`) });
export const useMyEvaluations = () => useQuery({ queryKey: ['me', 'evaluations'], queryFn: get<Page<MyEvaluationT>>('/api/v1/me/evaluations?limit=100') });
export const usePhase = (id: string) => useQuery({ queryKey: ['family', id, 'phase'], queryFn: get<PhaseState>(`${family(id)}/phase`) });
export const useAssessments = (id: string) => useQuery({ queryKey: ['family', id, 'assessments'], queryFn: get<Page<Assessment>>(`${family(id)}/assessments?limit=200`) });
export const useComparison = (id: string) => useQuery({ queryKey: ['family', id, 'assessments', 'comparison'], queryFn: get<Page<ComparisonT>>(`${family(id)}/assessments/comparison`) });
export const useAgreements = (id: string) => useQuery({ queryKey: ['family', id, 'agreements'], queryFn: get<Page<PlanAgreement>>(`${family(id)}/plan/agreements`) });
export const useEvaluations = (id: string) => useQuery({ queryKey: ['family', id, 'evaluations'], queryFn: get<Page<Evaluation>>(`${family(id)}/evaluations?limit=200`) });
export const useOptions = (id: string, goalId: string) => useQuery({ queryKey: ['family', id, 'goal', goalId, 'options'], queryFn: get<Page<HelpOption>>(`${family(id)}/goals/${goalId}/options`) });
export const useDecisions = (id: string, goalId: string) => useQuery({ queryKey: ['family', id, 'goal', goalId, 'decisions'], queryFn: get<Page<Decision>>(`${family(id)}/goals/${goalId}/decisions`) });
export const useCollaborationCatalogue = () => useQuery({ queryKey: ['catalogue', 'collaboration'], queryFn: get<PublishedCollaborationCatalogue>('/api/v1/catalogues/collaboration-components'), staleTime: 10 * 60_000 });
export const useFamilyReferrals = (id: string) => useQuery({ queryKey: ['family', id, 'referrals'], queryFn: get<Page<Referral>>(`${family(id)}/referrals`) });
export const useIncomingReferrals = () => useQuery({ queryKey: ['me', 'referrals'], queryFn: get<Page<Referral>>('/api/v1/referrals?limit=100') });
export const useFamilyAudit = (id: string) => useQuery({ queryKey: ['family', id, 'audit'], queryFn: get<Page<AuditRecord>>(`${family(id)}/audit?limit=50`) });
/**
 * Loads what a professional's family overview (FamilyPage) shows, all at once and before the page renders, so it
 * appears complete rather than block by block, each pushing the next down as its data arrives. Data already here
 * counts (refreshed in the background when stale). A failed answer is asked for once per visit, here: the page shows
 * it rather than asking the server again as it mounts.
 */
export async function loadFamilyOverview(client: QueryClient, id: string): Promise<void> {
  client.setQueryDefaults(['family', id], { retryOnMount: false });
  const settled = (answer: Promise<unknown>) => answer.catch(() => undefined);
  await Promise.all([
    settled(client.ensureQueryData({ ...familyQuery(id), revalidateIfStale: true })),
    settled(client.ensureQueryData({ ...membersQuery(id), revalidateIfStale: true })),
    settled(client.ensureQueryData({ ...supportersQuery(id), revalidateIfStale: true })),
    settled(client.ensureQueryData({ ...teamQuery(id), revalidateIfStale: true })),
    settled(client.ensureQueryData({ ...planQuery(id), revalidateIfStale: true })),
    settled(client.ensureQueryData({ ...timelineQuery(id), revalidateIfStale: true })),
  ]);
}
