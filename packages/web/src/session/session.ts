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

/**
 * Who was signed in when the server ended the session (idle too long), so the page can stay as it was, hidden, while
 * the same person signs in again: nothing they typed is lost. Signing out on purpose clears it.
 */
export interface EndedSession { userId: string; email: string; name: string }
export const ENDED = ['session-ended'] as const;

export function useEndedSession(): EndedSession | null {
  return useQuery({ queryKey: ENDED, queryFn: () => null as EndedSession | null, staleTime: Infinity, initialData: null }).data;
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
    if (isComplete(answer)) {
      // Signed in again over a page whose session had ended: what failed meanwhile is asked for once more.
      client.setQueryData(ENDED, null);
      void client.refetchQueries({ predicate: (q) => q.state.status === 'error' });
    }
  };
}
