import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SignedInUser } from '@gezinsplan/domain';
import { api, ApiError, setCsrfToken } from '../api/client';

/** What sign-in and GET /me answer: who, the CSRF token, and where the session stands with the second factor. */
export interface SessionAnswer {
  user: SignedInUser;
  csrfToken: string;
  secondFactor: 'not-needed' | 'pending' | 'enrolment-required' | 'verified';
}

export const ME = ['me'] as const;

/** The current session, or null when nobody is signed in; main.tsx asks for it before the first render. */
export const sessionQuery = queryOptions({
  queryKey: ME,
  queryFn: async (): Promise<SessionAnswer | null> => {
    try {
      const me = await api<SessionAnswer>('GET', '/api/v1/me');
      setCsrfToken(me.csrfToken);
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: Infinity,
  retry: false,
});

/** The current session, kept in step by sign-in, sign-out and the server ending it. */
export function useSession() {
  return useQuery(sessionQuery);
}

/** Whether the session opens the app (no second step waiting). */
export const isComplete = (s: SessionAnswer | null | undefined): boolean =>
  !!s && (s.secondFactor === 'not-needed' || s.secondFactor === 'verified');

/** Keeps the app's idea of the session in step with an answer from sign-in, the second step or accepting an invitation. */
export function useAdoptSession() {
  const client = useQueryClient();
  return (answer: SessionAnswer | null) => {
    setCsrfToken(answer?.csrfToken ?? null);
    if (!answer) client.clear();
    client.setQueryData(ME, answer);
  };
}
