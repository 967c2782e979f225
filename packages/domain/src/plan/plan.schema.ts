import { z } from 'zod';
import { Id, IsoDate, NonEmptyText, Timestamp, Version } from '../common.schema';
import { LifeDomainCode } from '../team/team.schema';
import { PlanAgreement, PlanEvaluationSchedule } from '../process/agreement.schema';

/** Only a few goals are "now": the family says what comes first. */
export const goalFocuses = ['now', 'later', 'achieved', 'stopped'] as const;
export const GoalFocus = z.enum(goalFocuses);
export type GoalFocus = z.infer<typeof GoalFocus>;

export const actionStatuses = ['open', 'done', 'cancelled'] as const;
export const ActionStatus = z.enum(actionStatuses);
export type ActionStatus = z.infer<typeof ActionStatus>;

const memberIds = z.array(Id).max(30).refine((m) => new Set(m).size === m.length, 'member ids must be unique');

export const CreateGoal = z.strictObject({
  title: NonEmptyText(500),
  lifeDomain: LifeDomainCode,
  memberIds: memberIds.default([]),
  /**
   * Left out, a professional's goal goes to "now" while there is room there (the organisation's limit) and else to
   * "later"; a family member's goal goes to "later", for the family and the team to agree on. Asked for explicitly,
   * "now" is refused when it is full.
   */
  focus: GoalFocus.optional(),
  /** The owner is a family member (the plan is the family's) or, failing that, a professional on the team. */
  ownerMemberId: Id.optional(),
  ownerUserId: Id.optional(),
}).refine((g) => !(g.ownerMemberId && g.ownerUserId), { message: 'give one owner', path: ['ownerUserId'] });
export type CreateGoal = z.infer<typeof CreateGoal>;

export const UpdateGoal = z.strictObject({
  title: NonEmptyText(500).optional(),
  lifeDomain: LifeDomainCode.optional(),
  memberIds: memberIds.optional(),
  focus: GoalFocus.optional(),
  priority: z.int().min(1).max(10_000).optional(),
  ownerMemberId: Id.optional(),
  ownerUserId: Id.optional(),
}).refine((g) => !(g.ownerMemberId && g.ownerUserId), { message: 'give one owner', path: ['ownerUserId'] });
export type UpdateGoal = z.infer<typeof UpdateGoal>;

/** What a new action says: what, by when, and who does it (a professional, a family member or a supporter). */
export const actionFields = {
  title: NonEmptyText(500),
  dueDate: IsoDate.optional(),
  assigneeUserId: Id.optional(),
  assigneeMemberId: Id.optional(),
  assigneeSupporterId: Id.optional(),
};
/** A new action has exactly one assignee (the arguments of `.refine`). */
export const oneAssignee: [(a: { assigneeUserId?: string; assigneeMemberId?: string; assigneeSupporterId?: string }) => boolean, { message: string; path: string[] }] = [
  (a) => [a.assigneeUserId, a.assigneeMemberId, a.assigneeSupporterId].filter(Boolean).length === 1,
  { message: 'give exactly one of assigneeUserId, assigneeMemberId, assigneeSupporterId', path: ['assigneeUserId'] },
];

export const CreateAction = z.strictObject(actionFields).refine(...oneAssignee);
export type CreateAction = z.infer<typeof CreateAction>;

export const UpdateAction = z.strictObject({
  title: NonEmptyText(500).optional(),
  dueDate: IsoDate.nullable().optional(),
  status: ActionStatus.optional(),
  assigneeUserId: Id.optional(),
  assigneeMemberId: Id.optional(),
  assigneeSupporterId: Id.optional(),
}).refine(
  (a) => [a.assigneeUserId, a.assigneeMemberId, a.assigneeSupporterId].filter(Boolean).length <= 1,
  { message: 'give at most one assignee', path: ['assigneeUserId'] },
);
export type UpdateAction = z.infer<typeof UpdateAction>;

export const Assignee = z.object({
  kind: z.enum(['user', 'member', 'supporter']),
  id: Id,
  name: z.string(),
});

export const Action = z.object({
  id: Id,
  familyId: Id,
  goalId: Id,
  title: z.string(),
  dueDate: IsoDate.nullable(),
  status: ActionStatus,
  assignee: Assignee,
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Action = z.infer<typeof Action>;

export const Goal = z.object({
  id: Id,
  familyId: Id,
  title: z.string(),
  lifeDomain: z.string(),
  memberIds: z.array(Id),
  focus: GoalFocus,
  /** The rank among the goals you may see (1 is most urgent); hidden goals leave no gaps. */
  priority: z.int(),
  owner: Assignee.nullable(),
  /** `overview`: the family shares only the plan overview of this goal with your organisation, not its actions. */
  view: z.enum(['full', 'overview']),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
  actions: z.array(Action),
});
export type Goal = z.infer<typeof Goal>;

export const Plan = z.object({
  id: Id,
  familyId: Id,
  version: Version,
  updatedAt: Timestamp,
  /** How many goals may be in focus "now" at once (the registering organisation's setting). */
  maxGoalsNow: z.int(),
  /** When the plan was adopted (vastgesteld): the file moved from plan to uitvoering. */
  adoptedAt: Timestamp.nullable(),
  evaluation: PlanEvaluationSchedule,
  /** The family's latest agreement with the plan, if any (since the file was last reopened). */
  agreement: PlanAgreement.nullable(),
  goals: z.array(Goal),
});

/** An open action of mine, across families. */
/** An action of mine elsewhere; the family's name and the goal's title only where the family shares them with my organisation. */
export const MyAction = Action.extend({ familyName: z.string().nullable(), goalTitle: z.string().nullable(), overdue: z.boolean() });
