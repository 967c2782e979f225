import type { Role } from '@gezinsplan/domain';

/** A signed-in professional (family members join in the privacy issue). */
export interface ProfessionalActor {
  kind: 'professional';
  userId: string;
  name: string;
  email: string;
  organisationId: string;
  organisationName: string;
  roles: Role[];
  sessionHash: string;
  csrfToken: string;
}

/** Work the system does on its own behalf (the retention job, say), with the job's name in the audit log. */
export interface SystemActor {
  kind: 'system';
  job: string;
}

export type Actor = ProfessionalActor | SystemActor;
