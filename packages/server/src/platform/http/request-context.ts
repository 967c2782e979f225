import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import type { ProfessionalActor, SignedInActor } from '../auth/actor';

/** Where a request came from, for the audit log's access point. */
export interface AccessPoint {
  ip: string | null;
  client: string | null;
  requestId: string | null;
}

/** What every service call outside a family's file receives: who asks, from where, and the database to use. */
export interface RequestContext {
  db: Db;
  actor: ProfessionalActor;
  accessPoint: AccessPoint;
  now: Date;
}

/** For routes about one's own account, which professionals and family members alike use. */
export type AccountContext = Omit<RequestContext, 'actor'> & { actor: SignedInActor };

export function accessPointOf(request: FastifyRequest): AccessPoint {
  const ua = request.headers['user-agent'];
  return {
    ip: request.ip ?? null,
    client: typeof ua === 'string' ? ua.slice(0, 200) : null,
    requestId: String(request.id),
  };
}
