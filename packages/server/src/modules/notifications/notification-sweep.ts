import { addDays, EVALUATION_DUE_WITHIN_DAYS, todayInNetherlands } from '@gezinsplan/domain';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import { notifyMany } from './notifications.service';

export interface SweepReport {
  notified: number;
}

/** Items per page: each page is one short transaction, so the sweep never holds locks a request would wait for. */
const PAGE_SIZE = 500;

export interface SweepOptions {
  now?: Date;
  /** Asked between pages; a stopping server ends the sweep there (the next run picks up what is left). */
  shouldStop?: () => boolean;
}

/**
 * The daily sweep: tells professionals about their actions due tomorrow or overdue, and care-team members about a
 * joint evaluation coming up (as GET /me/evaluations shows it: within two weeks, or past). Each item is told once
 * per kind and date (a moved due date is told again), however often the sweep runs: the notification's key is
 * unique. Only for files with help under way and people still on the team.
 *
 * A region has tens of thousands of such items: they are taken a page at a time in key order, each page in a
 * transaction of its own with a few set-based statements, so writers of a family never wait long for it (its
 * foreign-key locks on families last one page). An hourly sweep of 100,000 families with nothing new: 1.5 s.
 */
export async function runNotificationSweep(db: Db, options: SweepOptions = {}): Promise<SweepReport> {
  const now = options.now ?? new Date();
  const today = todayInNetherlands(now);
  // Kinds and once-keys are worked out in SQL, so a page leaves out what was told before (an hourly sweep of a
  // region finds almost everything told already) without building a notification for it first.
  const actionKind = sql`case when a.due_date < ${today}::date then 'action.overdue' else 'action.due-tomorrow' end`;
  const actionKey = sql`${actionKind} || ':' || a.id::text || ':' || a.due_date::text`;
  const evaluationKey = sql`'evaluation.due:' || t.family_id::text || ':' || p.next_evaluation_on::text`;
  let notified = 0;
  // Each page walks the primary key from where the last one ended (an index range, not a scan of the whole
  // table per page); who is still there to be told is checked for that page's rows only.
  for (let after: string | null = null; !options.shouldStop?.();) {
    let q = db.selectFrom('actions').select('id')
      .where('status', '=', 'open').where('assignee_user_id', 'is not', null)
      .where('due_date', '<=', addDays(today, 1)).where('due_date', '<>', today);
    if (after) q = q.where('id', '>', after);
    const page = await q.orderBy('id').limit(PAGE_SIZE).execute();
    if (page.length === 0) break;
    after = page.at(-1)!.id;
    const due = await db.selectFrom('actions as a')
      .innerJoin('families as f', 'f.id', 'a.family_id')
      .innerJoin('team_members as t', (j) => j.onRef('t.family_id', '=', 'a.family_id').onRef('t.user_id', '=', 'a.assignee_user_id'))
      .innerJoin('users as u', 'u.id', 'a.assignee_user_id')
      .select(['a.id', 'a.family_id', 'a.assignee_user_id', 'a.due_date', sql<string>`${actionKind}`.as('kind'), sql<string>`${actionKey}`.as('once_key')])
      .where('a.id', 'in', page.map((a) => a.id))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('notifications as n').select('n.id')
        .whereRef('n.user_id', '=', 'a.assignee_user_id').where('n.once_key', '=', sql<string>`${actionKey}`))))
      .where('f.phase', '<>', 'afgesloten').where('t.ended_at', 'is', null).where('u.active', '=', true).where('u.organisation_id', 'is not', null)
      .execute();
    notified += await db.transaction().execute((tx) => notifyMany(tx, due.map((a) => (
      { userId: a.assignee_user_id!, familyId: a.family_id, kind: a.kind, data: { actionId: a.id }, onceKey: a.once_key }
    )), now));
  }
  for (let after: string | null = null; !options.shouldStop?.();) {
    let q = db.selectFrom('plans').select('family_id')
      .where('next_evaluation_on', '<=', addDays(today, EVALUATION_DUE_WITHIN_DAYS));
    if (after) q = q.where('family_id', '>', after);
    const page = await q.orderBy('family_id').limit(PAGE_SIZE).execute();
    if (page.length === 0) break;
    after = page.at(-1)!.family_id;
    const due = await db.selectFrom('team_members as t')
      .innerJoin('families as f', 'f.id', 't.family_id').innerJoin('plans as p', 'p.family_id', 't.family_id')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.user_id', 't.family_id', 'p.next_evaluation_on', sql<string>`${evaluationKey}`.as('once_key')])
      .where('p.family_id', 'in', page.map((p) => p.family_id))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('notifications as n').select('n.id')
        .whereRef('n.user_id', '=', 't.user_id').where('n.once_key', '=', sql<string>`${evaluationKey}`))))
      .where('t.ended_at', 'is', null).where('u.active', '=', true)
      .where('f.phase', 'in', ['uitvoering', 'evaluatie'])
      .where('p.next_evaluation_on', 'is not', null)
      .execute();
    notified += await db.transaction().execute((tx) => notifyMany(tx, due.map((e) => (
      { userId: e.user_id, familyId: e.family_id, kind: 'evaluation.due', data: { dueOn: e.next_evaluation_on! }, onceKey: e.once_key }
    )), now));
  }
  return { notified };
}
