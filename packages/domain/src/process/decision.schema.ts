import { z } from 'zod';
import { Id, IsoDate, NonEmptyText, Text, Timestamp } from '../common.schema';
import { Assignee } from '../plan/plan.schema';
import { NjiRating, ReferralRoute } from '../catalogues/service.schema';
import { Author, Participants, ParticipantsInput, uniqueIds } from './people.schema';

/**
 * Shared decisions about help (issue 5): for a goal, the team and the family put help options side by side, with
 * what each would ask of the family and what it may bring; then the family's preference and the decision are
 * recorded with who took part and what is expected of whom. A decision can be revisited; the earlier one stays.
 */
export const CreateHelpOption = z.strictObject({
  /** A service from the catalogue; the option then takes the service's name unless it is given a title of its own. */
  serviceId: Id.optional(),
  title: NonEmptyText(200).optional(),
  description: Text(2000).optional(),
  /** What the option would ask of the family (time, travel, talking about hard things). */
  asksOfFamily: Text(1000).optional(),
  /** What it may bring them. */
  mayBring: Text(1000).optional(),
}).refine((o) => o.title !== undefined || o.serviceId !== undefined, { message: 'name the help, or choose a service', path: ['title'] });
export type CreateHelpOption = z.infer<typeof CreateHelpOption>;

export const HelpOption = z.object({
  id: Id,
  familyId: Id,
  goalId: Id,
  title: z.string(),
  description: z.string(),
  asksOfFamily: z.string(),
  mayBring: z.string(),
  /** The catalogue's service this option is, as it is described now. */
  service: z.object({
    id: Id, name: z.string(), organisationId: Id, organisationName: z.string(), waitWeeks: z.int().nullable(), needsMunicipalDecision: z.boolean(),
    referral: ReferralRoute, njiRating: NjiRating.nullable(), status: z.enum(['active', 'inactive']),
  }).nullable(),
  proposedBy: Author,
  createdAt: Timestamp,
});
export type HelpOption = z.infer<typeof HelpOption>;

/** What is expected of whom once the decision is taken; with `addAsAction` it lands in the plan as an action. */
export const Expectation = z.strictObject({
  what: NonEmptyText(500),
  dueDate: IsoDate.optional(),
  assigneeUserId: Id.optional(),
  assigneeMemberId: Id.optional(),
  assigneeSupporterId: Id.optional(),
  addAsAction: z.boolean().default(false),
}).refine(
  (e) => [e.assigneeUserId, e.assigneeMemberId, e.assigneeSupporterId].filter(Boolean).length === 1,
  { message: 'give exactly one of assigneeUserId, assigneeMemberId, assigneeSupporterId', path: ['assigneeUserId'] },
);
export type Expectation = z.infer<typeof Expectation>;

export const CreateDecision = z.strictObject({
  /** The options chosen; none: decided together not to start help for this goal now. */
  chosenOptionIds: uniqueIds(10).default([]),
  /** The option the family preferred, if they preferred one. */
  preferredOptionId: Id.nullable().default(null),
  /** What the family said about the options, in their own words. */
  familyView: Text(2000).optional(),
  /** What was decided and why. */
  rationale: NonEmptyText(2000),
  participants: ParticipantsInput.refine((p) => p.memberIds.length > 0, { message: 'a shared decision is taken with the family: name who of the family took part', path: ['memberIds'] }),
  expectations: z.array(Expectation).max(20).default([]),
  decidedOn: IsoDate.optional(),
  /** The earlier decision this one revisits; it stays visible, marked as revisited. */
  revisits: Id.optional(),
});
export type CreateDecision = z.infer<typeof CreateDecision>;

export const Decision = z.object({
  id: Id,
  familyId: Id,
  goalId: Id,
  decidedOn: IsoDate,
  chosenOptions: z.array(z.object({ id: Id, title: z.string() })),
  preferredOption: z.object({ id: Id, title: z.string() }).nullable(),
  familyView: z.string(),
  rationale: z.string(),
  participants: Participants,
  expectations: z.array(z.object({ what: z.string(), dueDate: IsoDate.nullable(), assignee: Assignee, actionId: Id.nullable() })),
  revisits: Id.nullable(),
  /** The decision that revisited this one; null while this one is current. */
  revisitedBy: Id.nullable(),
  status: z.enum(['current', 'revisited']),
  author: Author,
  createdAt: Timestamp,
});
export type Decision = z.infer<typeof Decision>;
