import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';
import { writeAudit } from '../../platform/audit/audit-writer';
import { destroySignalsOfFamily } from '../signals';

/**
 * Destroys one family's file: every row of family data, the family members' accounts, and the stored answers of idempotent requests that carry
 * it. What stays is the audit log (ids, and the names of professionals, never family content) and the
 * data-subject requests, as proof of what was destroyed, when, and why. Runs in the caller's transaction.
 */
export async function destroyFamilyFile(tx: Db, familyId: string, reason: 'erasure-request' | 'retention-ended', now: Date, job: string): Promise<void> {
  // Its signals first (they also name the other file, and notifications on the other side point at them).
  const signals = await destroySignalsOfFamily(tx, familyId);
  await tx.deleteFrom('notifications').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('family_visits').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('assessment_scores').where('assessment_id', 'in', tx.selectFrom('assessments').select('id').where('family_id', '=', familyId)).execute();
  await tx.deleteFrom('assessments').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('consultations').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('care_steps').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('coordination_periods').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('handovers').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('referral_events').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('referrals').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('evaluation_goal_scores').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('evaluations').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('decisions').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('help_options').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('plan_agreements').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('closures').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('phase_transitions').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('break_glass_grants').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('consents').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('timeline_entries').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('actions').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('goals').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('plans').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('team_members').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('supporters').where('family_id', '=', familyId).execute();
  // The family's own accounts go with the file: their sessions, stored answers and invitations first.
  const accounts = tx.selectFrom('users').select('id').where('family_id', '=', familyId);
  await tx.deleteFrom('sessions').where('user_id', 'in', accounts).execute();
  await tx.deleteFrom('calendar_feed_tokens').where('user_id', 'in', accounts).execute();
  await tx.deleteFrom('notifications').where('user_id', 'in', accounts).execute();
  await tx.deleteFrom('idempotency_keys').where('user_id', 'in', accounts).execute();
  await tx.deleteFrom('recovery_codes').where('user_id', 'in', accounts).execute();
  await tx.deleteFrom('family_invitations').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('users').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('members').where('family_id', '=', familyId).execute();
  await tx.deleteFrom('idempotency_keys')
    .where((eb) => eb.or([eb('path', 'like', `/api/v1/families/${familyId}%`), eb(sql`response_body->>'id'`, '=', familyId)])).execute();
  await tx.deleteFrom('families').where('id', '=', familyId).execute();
  await tx.updateTable('data_subject_requests').set({ status: 'completed', completed_at: now })
    .where('family_id', '=', familyId).where('kind', '=', 'erasure').where('status', '=', 'scheduled').execute();
  await writeAudit(tx, [{
    action: 'D', eventType: 'retention.file-destroyed', outcome: 'success', actor: { kind: 'system', job }, familyId,
    resourceType: 'family', resourceId: familyId, accessPoint: null, purpose: 'retention',
    checks: { authorisation: true, careRelationship: false, consent: false, emergency: false }, detail: { reason, signals },
  }], now);
}
