import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checksToFlags, decideFamilyAccess, type FamilyAccessFacts } from './decide';
import { familyPermissions, type FamilyPermission } from './permissions';
import { userRoles, type Role } from '../users/user.schema';
import { teamRoles, type TeamRole } from '../team/team.schema';

const facts = (roles: Role[], teamRole: TeamRole | null, extra: Partial<FamilyAccessFacts> = {}): FamilyAccessFacts => ({
  actor: { kind: 'professional', roles }, familyExists: true, teamRole, organisationInvolved: teamRole !== null, restricted: false, ...extra,
});

const coordinatorOnly: FamilyPermission[] = ['family:update', 'member:write', 'team:manage', 'audit:read', 'consent:write', 'invitation:manage'];
const familyMember = (ownFamily: boolean, extra: Partial<FamilyAccessFacts> = {}): FamilyAccessFacts => ({
  actor: { kind: 'family', ownFamily }, familyExists: true, teamRole: null, organisationInvolved: false, restricted: false, ...extra,
});

describe('the access rule for a family file', () => {
  it('gives the decision table for team roles', () => {
    const table = Object.fromEntries(
      [null, ...teamRoles].map((teamRole) => [
        String(teamRole),
        familyPermissions.filter((p) => decideFamilyAccess(facts(['professional'], teamRole), p).allowed),
      ]),
    );
    expect(table).toEqual({
      null: [],
      coordinator: [...familyPermissions],
      member: familyPermissions.filter((p) => !coordinatorOnly.includes(p)),
      experienceExpert: familyPermissions.filter((p) => !coordinatorOnly.includes(p)),
    });
  });

  it('closes a file with an erasure scheduled to its team, leaving the privacy officer the audit', () => {
    for (const teamRole of teamRoles) {
      expect(familyPermissions.filter((p) => decideFamilyAccess(facts(['professional'], teamRole, { restricted: true }), p).allowed)).toEqual([]);
      expect(decideFamilyAccess(facts(['professional'], teamRole, { restricted: true }), 'plan:read')).toMatchObject({ basis: 'erasure-scheduled' });
    }
    expect(decideFamilyAccess(facts(['privacy-officer'], null, { restricted: true, organisationInvolved: true }), 'audit:read').allowed).toBe(true);
  });

  it('never lets an administrator, policy advisor or someone off the team at care content', () => {
    fc.assert(fc.property(
      fc.subarray([...userRoles], { minLength: 1 }), fc.constantFrom(...familyPermissions), fc.boolean(),
      (roles, permission, involved) => {
        const decision = decideFamilyAccess(facts(roles, null, { organisationInvolved: involved }), permission);
        const privacyOfficerReadingAudit = permission === 'audit:read' && roles.includes('privacy-officer') && involved;
        expect(decision.allowed).toBe(privacyOfficerReadingAudit);
      },
    ));
  });

  it('requires the professional role even on the team, and an existing family always', () => {
    fc.assert(fc.property(fc.constantFrom(...teamRoles), fc.constantFrom(...familyPermissions), (teamRole, permission) => {
      expect(decideFamilyAccess(facts(['admin', 'policy'], teamRole), permission).allowed).toBe(false);
      expect(decideFamilyAccess(facts(['professional'], teamRole, { familyExists: false }), permission)).toMatchObject({ allowed: false, basis: 'no-family' });
    }));
  });

  it('reports the four NEN 7513 checks', () => {
    const allowed = decideFamilyAccess(facts(['professional'], 'member'), 'plan:read');
    expect(checksToFlags(allowed.checks)).toBe('TTTF');
    const denied = decideFamilyAccess(facts(['professional'], null), 'plan:read');
    expect(checksToFlags(denied.checks)).toBe('FFFF');
    const notCoordinator = decideFamilyAccess(facts(['professional'], 'member'), 'team:manage');
    expect(notCoordinator).toMatchObject({ allowed: false, basis: 'not-coordinator' });
    expect(checksToFlags(notCoordinator.checks)).toBe('FTFF');
  });

  it('gives a family member their own file, without the team\'s tools, and nothing of another family', () => {
    expect(familyPermissions.filter((p) => decideFamilyAccess(familyMember(true), p).allowed)).toEqual([
      'family:read', 'member:read', 'team:read', 'plan:read', 'plan:write', 'timeline:read', 'timeline:write', 'audit:read',
      'consent:read', 'consent:write',
    ]);
    expect(checksToFlags(decideFamilyAccess(familyMember(true), 'plan:read').checks)).toBe('TTTF');
    expect(decideFamilyAccess(familyMember(true), 'break-glass:open')).toMatchObject({ allowed: false, basis: 'role' });
    for (const p of familyPermissions) {
      expect(decideFamilyAccess(familyMember(false), p)).toMatchObject({ allowed: false, basis: 'not-own-family' });
      expect(decideFamilyAccess(familyMember(true, { restricted: true }), p)).toMatchObject({ allowed: false, basis: 'erasure-scheduled' });
    }
  });
});
