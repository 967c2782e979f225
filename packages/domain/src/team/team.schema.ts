import { z } from 'zod';
import { Id, IsoDate, Text, Timestamp, Version } from '../common.schema';
import { HandoverNote, Reassignments } from './continuity.schema';

export const teamRoles = ['coordinator', 'member', 'experienceExpert'] as const;
export const TeamRole = z.enum(teamRoles);
export type TeamRole = z.infer<typeof TeamRole>;

export const LifeDomainCode = z.string().regex(/^[a-z][a-z0-9-]{1,49}$/, 'not a life-domain code');

const lifeDomains = z.array(LifeDomainCode).max(30).refine((d) => new Set(d).size === d.length, 'life domains must be unique');

export const AddTeamMember = z.strictObject({
  userId: Id,
  role: TeamRole.default('member'),
  lifeDomains: lifeDomains.default([]),
  responsibility: Text(1000).default(''),
  startDate: IsoDate.optional(),
  /** Required when `role` is coordinator and another coordinator is active: what the next coordinator must know. */
  handover: HandoverNote.optional(),
});
export type AddTeamMember = z.infer<typeof AddTeamMember>;

export const UpdateTeamMember = z.strictObject({
  role: TeamRole.optional(),
  lifeDomains: lifeDomains.optional(),
  responsibility: Text(1000).optional(),
  handover: HandoverNote.optional(),
});
export type UpdateTeamMember = z.infer<typeof UpdateTeamMember>;

/** Leaving with open actions needs a handover note and a new assignee for every one of them. */
export const EndTeamMember = z.strictObject({
  reason: Text(1000).optional(),
  handover: HandoverNote.optional(),
  reassign: Reassignments.optional(),
});
export type EndTeamMember = z.infer<typeof EndTeamMember>;

export const TeamQuery = z.object({
  include: z.enum(['active', 'all']).default('active'),
});

export const TeamMember = z.object({
  id: Id,
  familyId: Id,
  userId: Id,
  name: z.string(),
  organisationId: Id,
  organisationName: z.string(),
  organisationKind: z.string(),
  /** How the family and the team reach this professional: work email and, where known, work phone. */
  email: z.string(),
  phone: z.string().nullable(),
  role: TeamRole,
  lifeDomains: z.array(z.string()),
  responsibility: z.string(),
  startDate: IsoDate,
  endDate: IsoDate.nullable(),
  active: z.boolean(),
  version: Version,
  createdAt: Timestamp,
});
export type TeamMember = z.infer<typeof TeamMember>;
