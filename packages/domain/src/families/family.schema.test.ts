import { describe, expect, it } from 'vitest';
import { CreateFamily, CreateMember } from './family.schema';
import { CreateAction, CreateGoal } from '../plan/plan.schema';
import { CreateUser } from '../users/user.schema';

describe('shared schemas', () => {
  it('register a family with no members by default, and never in a later phase (it starts at aanmelding)', () => {
    expect(CreateFamily.parse({ name: ' Gezin Jansen ' })).toEqual({ name: 'Gezin Jansen', members: [] });
    expect(CreateFamily.safeParse({ name: 'Gezin Jansen', phase: 'uitvoering' }).success).toBe(false);
  });

  it('refuse impossible birth dates, unknown fields and bad BSNs', () => {
    const member = { givenName: 'Tim', familyName: 'Jansen', birthDate: '2013-02-03', role: 'child' };
    expect(CreateMember.safeParse(member).success).toBe(true);
    expect(CreateMember.safeParse({ ...member, birthDate: '2013-02-30' }).success).toBe(false);
    expect(CreateMember.safeParse({ ...member, nickname: 'x' }).success).toBe(false);
    expect(CreateMember.safeParse({ ...member, bsn: '123456789' }).success).toBe(false);
    expect(CreateMember.safeParse({ ...member, bsn: '111222333' }).success).toBe(true);
  });

  it('want exactly one assignee for an action and at most one owner for a goal', () => {
    const id = '01900000-0000-7000-8000-000000000001';
    expect(CreateAction.safeParse({ title: 'Bellen' }).success).toBe(false);
    expect(CreateAction.safeParse({ title: 'Bellen', assigneeUserId: id, assigneeMemberId: id }).success).toBe(false);
    expect(CreateAction.safeParse({ title: 'Bellen', assigneeMemberId: id }).success).toBe(true);
    expect(CreateGoal.safeParse({ title: 'Rust', lifeDomain: 'financien', ownerMemberId: id, ownerUserId: id }).success).toBe(false);
  });

  it('lower-case email addresses and bound password length, without composition rules', () => {
    const base = { email: 'Sanne@Wijkteam.NL', name: 'Sanne', organisationId: '01900000-0000-7000-8000-000000000001', roles: ['professional'] };
    expect(CreateUser.parse({ ...base, password: 'a'.repeat(12) }).email).toBe('sanne@wijkteam.nl');
    expect(CreateUser.safeParse({ ...base, password: 'a'.repeat(11) }).success).toBe(false);
    expect(CreateUser.safeParse({ ...base, password: 'a'.repeat(129) }).success).toBe(false);
    expect(CreateUser.safeParse({ ...base, password: 'x'.repeat(20), roles: ['professional', 'professional'] }).success).toBe(false);
  });
});
