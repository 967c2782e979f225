import { describe, expect, it } from 'vitest';
import { familyPhases, type FamilyPhase } from '../families/family.schema';
import { checkTransition, phaseTransitions, type TransitionFacts } from './phases';

const ready: TransitionFacts = { goalsNow: 1, hasCoordinator: true, familyAgreed: true, closingEvaluationHeld: true, closingReason: 'goals-reached' };

/** Every pair of phases, with what the process allows: the table the issue asks to test in full. */
const allowed: Record<FamilyPhase, FamilyPhase[]> = {
  aanmelding: ['intake', 'afgesloten'],
  intake: ['plan', 'afgesloten'],
  plan: ['uitvoering', 'afgesloten'],
  uitvoering: ['evaluatie', 'afgesloten'],
  evaluatie: ['uitvoering', 'afgesloten'],
  afgesloten: ['intake'],
};

describe('the phases of the care process', () => {
  for (const from of familyPhases) {
    for (const to of familyPhases) {
      const expected = allowed[from].includes(to);
      it(`${from} → ${to} is ${expected ? 'allowed' : 'refused'} when every condition is met`, () => {
        expect(checkTransition(from, to, ready)).toEqual(expected ? [] : ['not-a-next-phase']);
      });
    }
  }

  it('the table in the code is the table in this test', () => {
    expect(phaseTransitions).toEqual(allowed);
  });

  it('adopts the plan only with a goal in focus now, a coordinator and the family’s agreement, naming each one missing', () => {
    expect(checkTransition('plan', 'uitvoering', { ...ready, goalsNow: 0 })).toEqual(['needs-goal-now']);
    expect(checkTransition('plan', 'uitvoering', { ...ready, hasCoordinator: false })).toEqual(['needs-coordinator']);
    expect(checkTransition('plan', 'uitvoering', { ...ready, familyAgreed: false })).toEqual(['needs-family-agreement']);
    expect(checkTransition('plan', 'uitvoering', { ...ready, goalsNow: 0, hasCoordinator: false, familyAgreed: false }))
      .toEqual(['needs-goal-now', 'needs-coordinator', 'needs-family-agreement']);
    // Going back to work after an evaluation does not adopt a plan again.
    expect(checkTransition('evaluatie', 'uitvoering', { ...ready, goalsNow: 0, familyAgreed: false })).toEqual([]);
  });

  it('closes with a reason always, and with a closing evaluation once help has been given', () => {
    for (const from of ['aanmelding', 'intake', 'plan'] as const) {
      expect(checkTransition(from, 'afgesloten', { ...ready, closingEvaluationHeld: false })).toEqual([]);
      expect(checkTransition(from, 'afgesloten', { ...ready, closingReason: null })).toEqual(['needs-closing-reason']);
    }
    for (const from of ['uitvoering', 'evaluatie'] as const) {
      expect(checkTransition(from, 'afgesloten', { ...ready, closingEvaluationHeld: false })).toEqual(['needs-closing-evaluation']);
      expect(checkTransition(from, 'afgesloten', { ...ready, closingEvaluationHeld: false, closingReason: null }))
        .toEqual(['needs-closing-reason', 'needs-closing-evaluation']);
    }
  });

  it('reopens a closed file at intake, whatever else is true', () => {
    expect(checkTransition('afgesloten', 'intake', { goalsNow: 0, hasCoordinator: false, familyAgreed: false, closingEvaluationHeld: false, closingReason: null })).toEqual([]);
  });
});
