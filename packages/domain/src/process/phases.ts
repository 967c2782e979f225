import { z } from 'zod';
import type { FamilyPhase } from '../families/family.schema';

/**
 * The care process as a state machine: aanmelding → intake → plan → uitvoering ⇄ evaluatie → afgesloten, and a
 * closed file reopened (at intake: a new question starts with listening again) keeping its history. Any open phase
 * may close: a family can decline help, move away or be transferred at any point.
 */
export const phaseTransitions: Readonly<Record<FamilyPhase, readonly FamilyPhase[]>> = {
  aanmelding: ['intake', 'afgesloten'],
  intake: ['plan', 'afgesloten'],
  plan: ['uitvoering', 'afgesloten'],
  uitvoering: ['evaluatie', 'afgesloten'],
  evaluatie: ['uitvoering', 'afgesloten'],
  afgesloten: ['intake'],
};

/** Why a file closes (issue 5): the reasons a coordinator can choose from. */
export const closingReasons = ['goals-reached', 'moved-away', 'declined-help', 'transferred'] as const;
export const ClosingReason = z.enum(closingReasons);
export type ClosingReason = z.infer<typeof ClosingReason>;

/** What the guards look at: facts about the file at the moment of the transition. */
export interface TransitionFacts {
  /** Goals in focus "now" the family and team agreed to work on. */
  goalsNow: number;
  hasCoordinator: boolean;
  /** The family's agreement with the plan is recorded (who, when). */
  familyAgreed: boolean;
  /** A closing evaluation has been held (needed once help has been given: from uitvoering or evaluatie). */
  closingEvaluationHeld: boolean;
  closingReason: ClosingReason | null;
}

/** A refused transition names each unmet condition, so the answer can say all of them at once. */
export type TransitionRefusal =
  | 'not-a-next-phase'
  | 'needs-goal-now'
  | 'needs-coordinator'
  | 'needs-family-agreement'
  | 'needs-closing-evaluation'
  | 'needs-closing-reason';

/**
 * Whether the file may move from one phase to another. Adopting the plan (plan → uitvoering) needs a goal in focus
 * "now", a coordinator and the family's agreement; closing needs a reason, and once help has been given (uitvoering,
 * evaluatie) also a closing evaluation. Staying in the same phase is not a transition.
 */
export function checkTransition(from: FamilyPhase, to: FamilyPhase, facts: TransitionFacts): TransitionRefusal[] {
  if (!phaseTransitions[from].includes(to)) return ['not-a-next-phase'];
  const refusals: TransitionRefusal[] = [];
  if (from === 'plan' && to === 'uitvoering') {
    if (facts.goalsNow < 1) refusals.push('needs-goal-now');
    if (!facts.hasCoordinator) refusals.push('needs-coordinator');
    if (!facts.familyAgreed) refusals.push('needs-family-agreement');
  }
  if (to === 'afgesloten') {
    if (!facts.closingReason) refusals.push('needs-closing-reason');
    if ((from === 'uitvoering' || from === 'evaluatie') && !facts.closingEvaluationHeld) refusals.push('needs-closing-evaluation');
  }
  return refusals;
}
