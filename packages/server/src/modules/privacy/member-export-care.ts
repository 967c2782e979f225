import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/**
 * The care process in a member's copy (AVG art. 15): the phases of the file, the agreements they gave, the help
 * options and decisions for the goals about them, the evaluations they took part in or whose scores are about their
 * goals, and the file's closures with their aftercare. `goalIds` are the goals about the member or the whole family.
 */
export async function careProcessExport(db: Db, familyId: string, memberId: string, goalIds: readonly string[]) {
  const phases = await db.selectFrom('phase_transitions').select(['from_phase', 'to_phase', 'note', 'created_at'])
    .where('family_id', '=', familyId).orderBy('created_at').execute();
  const agreements = await db.selectFrom('plan_agreements').select(['id', 'agreed_on', 'goals_now', 'note'])
    .where('family_id', '=', familyId).where(sql<boolean>`agreed_by @> array[${memberId}]::uuid[]`).orderBy('created_at').execute();
  const onGoals = goalIds.length > 0;
  const options = onGoals ? await db.selectFrom('help_options').select(['id', 'goal_id', 'title', 'description', 'asks_of_family', 'may_bring', 'created_at'])
    .where('goal_id', 'in', [...goalIds]).orderBy('created_at').execute() : [];
  const decisions = onGoals ? await db.selectFrom('decisions').select(['id', 'goal_id', 'decided_on', 'chosen_option_ids', 'preferred_option_id', 'family_view', 'rationale', 'expectations', 'revisits_id'])
    .where('goal_id', 'in', [...goalIds]).orderBy('created_at').execute() : [];
  const scores = onGoals ? await db.selectFrom('evaluation_goal_scores').select(['evaluation_id', 'goal_id', 'score', 'comment']).where('goal_id', 'in', [...goalIds]).execute() : [];
  const evaluations = await db.selectFrom('evaluations').select(['id', 'kind', 'held_on', 'participant_member_ids', 'experience', 'decisions', 'next_evaluation_on'])
    .where('family_id', '=', familyId)
    .where((eb) => eb.or([
      eb(sql<boolean>`participant_member_ids @> array[${memberId}]::uuid[]`, '=', true),
      ...(scores.length > 0 ? [eb('id', 'in', [...new Set(scores.map((s) => s.evaluation_id))])] : []),
    ]))
    .orderBy('held_on').execute();
  const closures = await db.selectFrom('closures').select(['closed_on', 'reason', 'can_do_themselves', 'aftercare_on', 'aftercare_checked_on', 'aftercare_outcome', 'aftercare_note', 'reopened_at'])
    .where('family_id', '=', familyId).orderBy('created_at').execute();
  return {
    phases: phases.map((p) => ({ from: p.from_phase, to: p.to_phase, note: p.note, at: iso(p.created_at) })),
    agreements: agreements.map((a) => ({ id: a.id, agreedOn: a.agreed_on, goalsNow: a.goals_now, note: a.note })),
    helpOptions: options.map((o) => ({ id: o.id, goalId: o.goal_id, title: o.title, description: o.description, asksOfFamily: o.asks_of_family, mayBring: o.may_bring, createdAt: iso(o.created_at) })),
    decisions: decisions.map((d) => ({
      id: d.id, goalId: d.goal_id, decidedOn: d.decided_on, chosenOptionIds: d.chosen_option_ids, preferredOptionId: d.preferred_option_id,
      familyView: d.family_view, rationale: d.rationale, expectations: d.expectations, revisits: d.revisits_id,
    })),
    evaluations: evaluations.map((e) => {
      const tookPart = e.participant_member_ids.includes(memberId);
      return {
        id: e.id, kind: e.kind, heldOn: e.held_on, tookPart, nextEvaluationOn: e.next_evaluation_on,
        goalScores: scores.filter((s) => s.evaluation_id === e.id).map((s) => ({ goalId: s.goal_id, score: s.score, comment: s.comment })),
        // The family's experience and what was decided belong to those who took part.
        ...(tookPart ? { experience: e.experience, decisions: e.decisions } : {}),
      };
    }),
    closures: closures.map((c) => ({
      closedOn: c.closed_on, reason: c.reason, canDoThemselves: c.can_do_themselves, aftercareOn: c.aftercare_on,
      aftercare: c.aftercare_checked_on ? { checkedOn: c.aftercare_checked_on, outcome: c.aftercare_outcome, note: c.aftercare_note } : null,
      reopenedAt: iso(c.reopened_at),
    })),
  };
}
