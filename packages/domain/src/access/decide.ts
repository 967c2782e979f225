import type { Role } from '../users/user.schema';
import type { TeamRole } from '../team/team.schema';
import type { FamilyPermission } from './permissions';

/** The four NEN 7513 "controles", in their fixed order. */
export interface AccessChecks {
  authorisation: boolean;
  careRelationship: boolean;
  consent: boolean;
  emergency: boolean;
}

export function checksToFlags(c: AccessChecks): string {
  return [c.authorisation, c.careRelationship, c.consent, c.emergency].map((b) => (b ? 'T' : 'F')).join('');
}

/**
 * Everything the gate knows about one actor and one family when it decides. The server gathers these facts
 * in one query; this module only judges them, so the rules can be tested as a table.
 * Consent, covenants, family members' own access and break-the-glass add fields here, not routes.
 */
export interface FamilyAccessFacts {
  /** A professional with their roles, or a signed-in family member and whether this is their own family. */
  actor: { kind: 'professional'; roles: readonly Role[] } | { kind: 'family'; ownFamily: boolean };
  familyExists: boolean;
  /** The actor's active membership of the family's care team, if any. */
  teamRole: TeamRole | null;
  /** Whether anyone of the actor's organisation is or was on the team (privacy officers review their own). */
  organisationInvolved: boolean;
  /** An erasure is scheduled: the file waits for destruction and is closed to everyone but privacy officers. */
  restricted: boolean;
}

export interface AccessDecision {
  allowed: boolean;
  checks: AccessChecks;
  /** Why, in a word, for the audit record's detail; never shown to the caller (who just sees 404). */
  basis: 'care-team' | 'coordinator' | 'privacy-officer' | 'no-family' | 'not-on-team' | 'not-coordinator' | 'role' | 'erasure-scheduled'
    | 'family-member' | 'not-own-family';
}

/** What any active team member may do; the coordinator may also do the coordinator-only things. */
const teamPermissions: ReadonlySet<FamilyPermission> = new Set([
  'family:read', 'member:read', 'team:read', 'plan:read', 'plan:write', 'timeline:read', 'timeline:write', 'consent:read',
  'break-glass:open',
]);
/** The coordinator also records what the family agreed to (for members without an account) and invites members. */
const coordinatorPermissions: ReadonlySet<FamilyPermission> = new Set([
  ...teamPermissions, 'family:update', 'member:write', 'team:manage', 'audit:read', 'consent:write', 'invitation:manage',
]);
/**
 * A family member in their own family's file: the plan, the team, their consents and who looked at their file. Their
 * writes are their own (a goal in their own words, a comment, their own actions, consent they give); the services
 * hold them to that, and what they read is narrowed by the family-member sight rule.
 */
const familyMemberPermissions: ReadonlySet<FamilyPermission> = new Set([
  'family:read', 'member:read', 'team:read', 'plan:read', 'plan:write', 'timeline:read', 'timeline:write',
  'consent:read', 'consent:write', 'audit:read',
]);

/**
 * The one rule for access to a family's file. Deny by default: a professional reaches a family only through an
 * active care relationship; administrators manage accounts, not care content, and get nothing here.
 */
export function decideFamilyAccess(facts: FamilyAccessFacts, permission: FamilyPermission): AccessDecision {
  const deny = (basis: AccessDecision['basis'], checks: Partial<AccessChecks> = {}): AccessDecision => ({
    allowed: false,
    basis,
    checks: { authorisation: false, careRelationship: false, consent: false, emergency: false, ...checks },
  });
  if (!facts.familyExists) return deny('no-family');

  if (facts.actor.kind === 'family') {
    // Another family is simply not there; a file waiting for erasure is closed to its family too.
    if (!facts.actor.ownFamily) return deny('not-own-family');
    if (facts.restricted) return deny('erasure-scheduled', { careRelationship: true });
    if (!familyMemberPermissions.has(permission)) return deny('role', { careRelationship: true });
    // A data subject in their own file: no care relationship is needed, and the sight rule applies their family's consents.
    return { allowed: true, basis: 'family-member', checks: { authorisation: true, careRelationship: true, consent: true, emergency: false } };
  }

  const isProfessional = facts.actor.roles.includes('professional');
  if (facts.teamRole && isProfessional && !facts.restricted) {
    const granted = facts.teamRole === 'coordinator' ? coordinatorPermissions : teamPermissions;
    if (granted.has(permission)) {
      return {
        allowed: true,
        basis: facts.teamRole === 'coordinator' ? 'coordinator' : 'care-team',
        // Directly involved care providers need no extra consent (Jeugdwet 7.3.11); the consent rules of the
        // privacy issue will narrow this per data category.
        checks: { authorisation: true, careRelationship: true, consent: true, emergency: false },
      };
    }
    return deny('not-coordinator', { careRelationship: true });
  }

  if (permission === 'audit:read' && facts.actor.roles.includes('privacy-officer') && facts.organisationInvolved) {
    return { allowed: true, basis: 'privacy-officer', checks: { authorisation: true, careRelationship: false, consent: true, emergency: false } };
  }
  if (facts.restricted && facts.teamRole) return deny('erasure-scheduled', { careRelationship: true });
  return deny(facts.teamRole ? 'role' : 'not-on-team');
}
