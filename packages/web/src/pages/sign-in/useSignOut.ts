import { api } from '../../api/client';
import { useAdoptSession } from '../../session/session';

/** Ends the session on the server and forgets it here. */
export function useSignOut() {
  const adopt = useAdoptSession();
  return async () => {
    await api('POST', '/api/v1/auth/logout').catch(() => undefined);
    adopt(null);
  };
}
