import type { Db } from '../platform/db/database';
import type { ApiClient } from '../platform/http/api-client';

/** A step up to specialist care in a demo family: who steps in, who stays involved and how, and since when. */
export interface DemoStep {
  specialist: string;
  staying: { who: string; involvement: string }[];
  note: string;
  /** How long ago the team started (the coordinator) and the specialist stepped in, so the time line has a past. */
  teamStartedWeeksAgo: number;
  steppedUpWeeksAgo: number;
}

const weeksAgo = (weeks: number) => new Date(Date.now() - weeks * 7 * 86_400_000);

/**
 * Records the step up through the API, with its rules, then moves the file's start back in time. The moving back is
 * demo only: a real file's dates are when things happened.
 */
export async function seedStepUp(db: Db, coordinator: ApiClient, base: string, familyId: string, step: DemoStep, userId: (key: string) => string): Promise<void> {
  const made = await coordinator.create<{ id: string }>(`${base}/care-steps`, {
    specialistUserId: userId(step.specialist), note: step.note,
    staying: step.staying.map((s) => ({ userId: userId(s.who), involvement: s.involvement })),
  });
  const teamStart = weeksAgo(step.teamStartedWeeksAgo);
  const stepStart = weeksAgo(step.steppedUpWeeksAgo);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  await db.updateTable('team_members').set({ start_date: day(teamStart), created_at: teamStart }).where('family_id', '=', familyId).where('user_id', '!=', userId(step.specialist)).execute();
  await db.updateTable('team_members').set({ start_date: day(stepStart), created_at: stepStart }).where('family_id', '=', familyId).where('user_id', '=', userId(step.specialist)).execute();
  await db.updateTable('coordination_periods').set({ started_at: teamStart }).where('family_id', '=', familyId).execute();
  await db.updateTable('care_steps').set({ stepped_up_at: stepStart }).where('id', '=', made.id).execute();
}
