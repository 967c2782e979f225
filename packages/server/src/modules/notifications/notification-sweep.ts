import { addDays, EVALUATION_DUE_WITHIN_DAYS, todayInNetherlands } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import { notifyOnce } from './notifications.service';

export interface SweepReport {
  notified: number;
}

/**
 * The daily sweep: tells professionals about their actions due tomorrow or overdue, and care-team members about a
 * joint evaluation coming up (as GET /me/evaluations shows it: within two weeks, or past). Each item is told once
 * per kind and date (a moved due date is told again), however often the sweep runs: the notification's key is
 * unique. Only for files with help under way and people still on the team.
 */
export async function runNotificationSweep(db: Db, now: Date = new Date()): Promise<SweepReport> {
  const today = todayInNetherlands(now);
  return db.transaction().execute(async (tx) => {
    let notified = 0;
    const actions = await tx.selectFrom('actions as a')
      .innerJoin('families as f', 'f.id', 'a.family_id')
      .innerJoin('team_members as t', (j) => j.onRef('t.family_id', '=', 'a.family_id').onRef('t.user_id', '=', 'a.assignee_user_id'))
      .innerJoin('users as u', 'u.id', 'a.assignee_user_id')
      .select(['a.id', 'a.family_id', 'a.assignee_user_id', 'a.due_date'])
      .where('a.status', '=', 'open').where('a.due_date', 'is not', null).where('a.due_date', '<=', addDays(today, 1))
      .where('f.phase', '<>', 'afgesloten').where('t.ended_at', 'is', null).where('u.active', '=', true).where('u.organisation_id', 'is not', null)
      .execute();
    for (const a of actions) {
      const kind = a.due_date! < today ? 'action.overdue' : a.due_date === today ? null : 'action.due-tomorrow';
      if (!kind) continue;
      const fresh = await notifyOnce(tx, { userId: a.assignee_user_id!, familyId: a.family_id, kind, data: { actionId: a.id } }, `${kind}:${a.id}:${a.due_date}`, now);
      if (fresh) notified += 1;
    }
    const evaluations = await tx.selectFrom('team_members as t')
      .innerJoin('families as f', 'f.id', 't.family_id').innerJoin('plans as p', 'p.family_id', 't.family_id')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.user_id', 't.family_id', 'p.next_evaluation_on'])
      .where('t.ended_at', 'is', null).where('u.active', '=', true)
      .where('f.phase', 'in', ['uitvoering', 'evaluatie'])
      .where('p.next_evaluation_on', 'is not', null).where('p.next_evaluation_on', '<=', addDays(today, EVALUATION_DUE_WITHIN_DAYS))
      .execute();
    for (const e of evaluations) {
      const dueOn = e.next_evaluation_on!;
      const fresh = await notifyOnce(tx, { userId: e.user_id, familyId: e.family_id, kind: 'evaluation.due', data: { dueOn } }, `evaluation.due:${e.family_id}:${dueOn}`, now);
      if (fresh) notified += 1;
    }
    return { notified };
  });
}
