import { useQuery } from '@tanstack/react-query';
import type {
  AuditRecord, CaseloadItem, Consent, Family, MemberSummary, MyAction, Plan, Supporter, TeamMember, TimelineEntry,
} from '@gezinsplan/domain';
import type { z } from 'zod';
import { api } from './client';

export interface Page<T> { items: T[]; nextCursor: string | null }
export type PlanT = z.infer<typeof Plan>;
export type CaseloadItemT = z.infer<typeof CaseloadItem>;
export type MyActionT = z.infer<typeof MyAction>;
export type SupporterT = z.infer<typeof Supporter>;

const get = <T,>(url: string) => () => api<T>('GET', url);
const family = (id: string) => `/api/v1/families/${id}`;

export const useCaseload = () => useQuery({ queryKey: ['me', 'families'], queryFn: get<Page<CaseloadItemT>>('/api/v1/me/families?limit=100') });
export const useMyActions = () => useQuery({ queryKey: ['me', 'actions'], queryFn: get<Page<MyActionT>>('/api/v1/me/actions?limit=100') });
export const useFamily = (id: string) => useQuery({ queryKey: ['family', id], queryFn: get<Family>(family(id)) });
export const useMembers = (id: string) => useQuery({ queryKey: ['family', id, 'members'], queryFn: get<Page<MemberSummary>>(`${family(id)}/members`) });
export const useSupporters = (id: string) => useQuery({ queryKey: ['family', id, 'supporters'], queryFn: get<Page<SupporterT>>(`${family(id)}/supporters`) });
export const useTeam = (id: string) => useQuery({ queryKey: ['family', id, 'team'], queryFn: get<Page<TeamMember>>(`${family(id)}/team`) });
export const usePlan = (id: string) => useQuery({ queryKey: ['family', id, 'plan'], queryFn: get<PlanT>(`${family(id)}/plan`) });
export const useTimeline = (id: string) => useQuery({ queryKey: ['family', id, 'timeline'], queryFn: get<Page<TimelineEntry>>(`${family(id)}/timeline?limit=50`) });
export const useConsents = (id: string) => useQuery({ queryKey: ['family', id, 'consents'], queryFn: get<Page<Consent>>(`${family(id)}/consents`) });
export const useFamilyAudit = (id: string) => useQuery({ queryKey: ['family', id, 'audit'], queryFn: get<Page<AuditRecord>>(`${family(id)}/audit?limit=50`) });
