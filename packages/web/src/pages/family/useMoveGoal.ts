import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Goal } from '@gezinsplan/domain';
import { api, ApiError } from '../../api/client';
import { problemText } from '../../components/problemText';
import type { PlanT } from '../../api/queries';

/** The server's answer when "now" already holds as many goals as the organisation allows. */
export const isNowFull = (e: unknown) => e instanceof ApiError && e.status === 409 && e.pointer === '/body/focus';

export interface GoalPlace { priority: number; focus?: Goal['focus'] }

/**
 * Moves a goal to another rank (and, dragged into another group, another focus), with If-Match so a move never
 * overwrites a change someone else just made. The same move serves the buttons and dragging.
 */
export function useMoveGoal(familyId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const move = async (goal: Goal, to: GoalPlace) => {
    const body = { priority: to.priority, ...(to.focus && to.focus !== goal.focus ? { focus: to.focus } : {}) };
    try {
      await api('PATCH', `/api/v1/families/${familyId}/goals/${goal.id}`, body, { 'if-match': `"${goal.version}"` });
      setError(null);
    } catch (e) {
      const limit = queryClient.getQueryData<PlanT>(['family', familyId, 'plan'])?.maxGoalsNow;
      setError(e instanceof ApiError && e.status === 412 ? t('edit.conflict') : isNowFull(e) ? t('edit.nowFull', { limit }) : problemText(e));
    }
    await queryClient.invalidateQueries({ queryKey: ['family', familyId] });
  };
  return { move, error };
}
