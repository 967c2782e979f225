import { z } from 'zod';
import { Id, IsoDate, NonEmptyText, Text, Timestamp, Version } from '../common.schema';
import { FamilyPhase } from '../families/family.schema';
import { ClosingReason, type TransitionRefusal } from './phases';
import { Author } from './people.schema';

/** Closing the file (afsluiting): why, what the family can do themselves now, and when to look in again (nazorg). */
export const ClosingDetails = z.strictObject({
  reason: ClosingReason,
  canDoThemselves: NonEmptyText(2000),
  /** The aftercare check; three months after closing when left out. */
  aftercareOn: IsoDate.optional(),
});
export type ClosingDetails = z.infer<typeof ClosingDetails>;

/** Move the file to its next phase; closing it takes the closing details. */
export const PhaseTransitionRequest = z.strictObject({
  to: FamilyPhase,
  note: Text(2000).optional(),
  closing: ClosingDetails.optional(),
}).refine((b) => b.to === 'afgesloten' || b.closing === undefined, { message: 'closing details only when closing the file', path: ['closing'] });
export type PhaseTransitionRequest = z.infer<typeof PhaseTransitionRequest>;

export const transitionRefusals = [
  'not-a-next-phase', 'needs-goal-now', 'needs-coordinator', 'needs-family-agreement', 'needs-closing-evaluation', 'needs-closing-reason',
] as const satisfies readonly TransitionRefusal[];

export const aftercareOutcomes = ['going-well', 'needs-help'] as const;
export const AftercareOutcome = z.enum(aftercareOutcomes);

/** The aftercare check (nazorg): how the family is doing some months after closing. */
export const RecordAftercareCheck = z.strictObject({
  checkedOn: IsoDate.optional(),
  outcome: AftercareOutcome,
  note: Text(2000).optional(),
});
export type RecordAftercareCheck = z.infer<typeof RecordAftercareCheck>;

export const Closure = z.object({
  id: Id,
  closedOn: IsoDate,
  reason: ClosingReason,
  canDoThemselves: z.string(),
  aftercareOn: IsoDate.nullable(),
  aftercare: z.object({ checkedOn: IsoDate, outcome: AftercareOutcome, note: z.string() }).nullable(),
  /** The file was reopened after this closure; the closure stays in the history. */
  reopenedAt: Timestamp.nullable(),
  by: Author,
});
export type Closure = z.infer<typeof Closure>;

export const PhaseTransition = z.object({
  id: Id,
  from: FamilyPhase,
  to: FamilyPhase,
  note: z.string(),
  at: Timestamp,
  by: Author,
});

/** Where the file stands: its phase, what the next phases need, how it got here, and its closures. */
export const PhaseState = z.object({
  familyId: Id,
  phase: FamilyPhase,
  /** The family's version: a transition changes the family. */
  version: Version,
  next: z.array(z.object({ to: FamilyPhase, refusals: z.array(z.enum(transitionRefusals)) })),
  history: z.array(PhaseTransition),
  closures: z.array(Closure),
});
export type PhaseState = z.infer<typeof PhaseState>;
