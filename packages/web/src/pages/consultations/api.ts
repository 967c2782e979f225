import { useQuery } from '@tanstack/react-query';
import type { AgendaItem, Consultation, MyConsultation } from '@gezinsplan/domain';
import { api } from '../../api/client';
import type { Page } from '../../api/queries';

const base = (familyId: string) => `/api/v1/families/${familyId}/consultations`;

export const useConsultations = (familyId: string) => useQuery({ queryKey: ['family', familyId, 'consultations'], queryFn: () => api<Page<Consultation>>('GET', base(familyId)) });
export const useConsultation = (familyId: string, id: string) => useQuery({ queryKey: ['family', familyId, 'consultations', id], queryFn: () => api<Consultation>('GET', `${base(familyId)}/${id}`) });
export const useAgendaProposal = (familyId: string) => useQuery({
  queryKey: ['family', familyId, 'consultations', 'agenda-proposal'], queryFn: () => api<{ items: AgendaItem[] }>('GET', `${base(familyId)}/agenda-proposal`),
});
export const useMyConsultations = () => useQuery({ queryKey: ['me', 'consultations'], queryFn: () => api<Page<MyConsultation>>('GET', '/api/v1/me/consultations?limit=50') });
export const useFeedStatus = () => useQuery({ queryKey: ['me', 'calendar-token'], queryFn: () => api<{ active: boolean; createdAt: string | null }>('GET', '/api/v1/me/calendar-token') });

export const consultationUrl = (familyId: string, id: string) => `/gezinnen/${familyId}/overleg/${id}`;
export const invitationUrl = (familyId: string, id: string) => `${base(familyId)}/${id}/invitation.ics`;

/** "3 maart 2027, 14:00–15:30" in the reader's language. */
export function formatSlot(startsAt: string, endsAt: string, locale: string): { date: string; start: string; end: string } {
  const l = locale === 'en' ? 'en-GB' : 'nl-NL';
  const time = new Intl.DateTimeFormat(l, { hour: '2-digit', minute: '2-digit' });
  return { date: new Intl.DateTimeFormat(l, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(startsAt)), start: time.format(new Date(startsAt)), end: time.format(new Date(endsAt)) };
}
