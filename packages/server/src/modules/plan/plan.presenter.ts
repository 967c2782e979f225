import type { Action, Goal } from '@gezinsplan/domain';
import type { ActionRow, GoalRow } from './plan.queries';

export function presentAction(r: ActionRow): Action {
  const assignee = r.assignee_user_id
    ? { kind: 'user' as const, id: r.assignee_user_id, name: r.assignee_user_name ?? '' }
    : r.assignee_member_id
      ? { kind: 'member' as const, id: r.assignee_member_id, name: r.assignee_member_name ?? '' }
      : { kind: 'supporter' as const, id: r.assignee_supporter_id!, name: r.assignee_supporter_name ?? '' };
  return {
    id: r.id, familyId: r.family_id, goalId: r.goal_id, title: r.title, dueDate: r.due_date, status: r.status as Action['status'],
    assignee, version: r.version, createdAt: new Date(r.created_at).toISOString(), updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export function presentGoal(r: GoalRow, actions: Action[], view: Goal['view'], rank: number): Goal {
  const owner = r.owner_member_id
    ? { kind: 'member' as const, id: r.owner_member_id, name: r.owner_member_name ?? '' }
    : r.owner_user_id ? { kind: 'user' as const, id: r.owner_user_id, name: r.owner_user_name ?? '' } : null;
  return {
    id: r.id, familyId: r.family_id, title: r.title, lifeDomain: r.life_domain, memberIds: r.member_ids, focus: r.focus as Goal['focus'],
    priority: rank, owner, view, version: r.version, createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(), actions,
  };
}
