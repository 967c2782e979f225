import type { Role, SecondFactorState } from '@gezinsplan/domain';

/** A signed-in professional of an organisation. */
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
  /** Until it is `not-needed` or `verified`, the session opens only the sign-in steps. */
  secondFactor: SecondFactorState;
}

/** A signed-in member of a family: they act in their own family's file and nowhere else. */
export interface FamilyActor {
  kind: 'family';
  userId: string;
  name: string;
  email: string;
  familyId: string;
  memberId: string;
  sessionHash: string;
  csrfToken: string;
  secondFactor: SecondFactorState;
}

/** Work the system does on its own behalf (the retention job, say), with the job's name in the audit log. */
export interface SystemActor {
  kind: 'system';
  job: string;
}

export type SignedInActor = ProfessionalActor | FamilyActor;
export type Actor = SignedInActor | SystemActor;
