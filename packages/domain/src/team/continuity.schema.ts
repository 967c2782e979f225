import { z } from 'zod';
import { Id, NonEmptyText, Text, Timestamp, Version } from '../common.schema';

/**
 * What the next person must know when responsibility moves: when the coordinator changes, when a member leaves with
 * open actions, and when a specialist steps back down. The four parts follow the warm-handover checklists of the
 * neighbourhood teams: what works, what to watch, who the family trusts, and where the open work stands.
 */
export const HandoverNote = z.strictObject({
  whatWorks: NonEmptyText(2000),
  whatToWatch: NonEmptyText(2000),
  familyTrusts: Text(1000).default(''),
  openActions: Text(2000).default(''),
});
export type HandoverNote = z.infer<typeof HandoverNote>;

/** One open action of the one leaving, and the team member who takes it over. */
export const ActionReassignment = z.strictObject({ actionId: Id, toUserId: Id });
export type ActionReassignment = z.infer<typeof ActionReassignment>;

const uniqueActions = (r: ActionReassignment[]) => new Set(r.map((a) => a.actionId)).size === r.length;
export const Reassignments = z.array(ActionReassignment).max(200).refine(uniqueActions, 'each action is reassigned once');

export const handoverReasons = ['coordination', 'leaving', 'step-down'] as const;
export type HandoverReason = (typeof handoverReasons)[number];

export const Handover = z.object({
  id: Id,
  reason: z.enum(handoverReasons),
  from: z.object({ userId: Id, name: z.string(), organisationName: z.string() }),
  to: z.object({ userId: Id, name: z.string(), organisationName: z.string() }).nullable(),
  note: z.object({ whatWorks: z.string(), whatToWatch: z.string(), familyTrusts: z.string(), openActions: z.string() }),
  reassigned: z.array(z.object({ actionId: Id, title: z.string(), toUserId: Id, toName: z.string() })),
  createdAt: Timestamp,
});
export type Handover = z.infer<typeof Handover>;

/** Who stays involved while specialist care is under way, and in which role ("houdt de regie", "blijft op school volgen"). */
export const StayingInvolved = z.strictObject({ userId: Id, involvement: NonEmptyText(300) });

/**
 * Stepping up: a specialist joins the work (usually by an accepted referral) and the rest of the team records who
 * stays involved and how. The coordinator keeps coordination unless handed over separately.
 */
export const StepUp = z.strictObject({
  specialistUserId: Id,
  referralId: Id.optional(),
  staying: z.array(StayingInvolved).max(30).refine((s) => new Set(s.map((x) => x.userId)).size === s.length, 'each professional once'),
  note: Text(2000).default(''),
});
export type StepUp = z.infer<typeof StepUp>;

/** Stepping down: the specialist's part ends with a handover back to the coordinator; their open actions move on. */
export const StepDown = z.strictObject({
  handover: HandoverNote,
  reassign: Reassignments.default([]),
  /** Whether the specialist leaves the care team now (the usual case) or stays on, for instance to follow up once. */
  endMembership: z.boolean().default(true),
});
export type StepDown = z.infer<typeof StepDown>;

export const CareStep = z.object({
  id: Id,
  referralId: Id.nullable(),
  specialist: z.object({ userId: Id, name: z.string(), organisationName: z.string() }),
  coordinator: z.object({ userId: Id, name: z.string(), organisationName: z.string() }),
  staying: z.array(z.object({ userId: Id, name: z.string(), organisationName: z.string(), involvement: z.string() })),
  note: z.string(),
  steppedUpAt: Timestamp,
  steppedDownAt: Timestamp.nullable(),
  handoverId: Id.nullable(),
  /** Whether this reader may step this down: the specialist themself or the coordinator, while it is open. */
  mayStepDown: z.boolean(),
  version: Version,
});
export type CareStep = z.infer<typeof CareStep>;

/** Who held coordination when: contiguous periods, exactly one open; the proof that no day went without a coordinator. */
export const CoordinationPeriod = z.object({
  userId: Id, name: z.string(), organisationName: z.string(), from: Timestamp, to: Timestamp.nullable(),
});

export const Continuity = z.object({
  coordination: z.array(CoordinationPeriod),
  steps: z.array(CareStep),
  handovers: z.array(Handover),
});
export type Continuity = z.infer<typeof Continuity>;
