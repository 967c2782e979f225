import type { ColumnType, Generated } from 'kysely';

/** Timestamps are read as Date and written as Date or ISO string. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNullable = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** `date` columns are read as `YYYY-MM-DD` (a type parser is set on both drivers). */
type DateString = string;

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: string;
  max_goals_now: Generated<number>;
  require_two_factor: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  /** Professionals belong to an organisation; family members to one member of one family instead. */
  organisation_id: string | null;
  member_id: ColumnType<string | null, string | null | undefined, string | null>;
  family_id: ColumnType<string | null, string | null | undefined, string | null>;
  email: string;
  name: string;
  phone: ColumnType<string | null, string | null | undefined, string | null>;
  password_hash: string;
  roles: string[];
  active: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: TimestampNullable;
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  totp_pending_secret: ColumnType<string | null, string | null | undefined, string | null>;
  totp_enabled_at: TimestampNullable;
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  second_factor_failures: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: Timestamp;
  used_at: TimestampNullable;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  second_factor: Generated<string>;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface LifeDomainsTable {
  code: string;
  domain_group: string;
  name_nl: string;
  plain_nl: string;
  name_en: string;
  sort_order: number;
  active: Generated<boolean>;
}

export interface FamiliesTable {
  id: string;
  name: string;
  phase: string;
  version: Generated<number>;
  created_by: string;
  organisation_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  closed_at: TimestampNullable;
}

export interface MembersTable {
  id: string;
  family_id: string;
  given_name: string;
  family_name: string;
  birth_date: DateString;
  role: string;
  has_custody: boolean;
  bsn: string | null;
  author_organisation_id: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SupportersTable {
  id: string;
  family_id: string;
  name: string;
  relation: string;
  contact: string | null;
  author_organisation_id: string;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface TeamMembersTable {
  id: string;
  family_id: string;
  user_id: string;
  role: string;
  life_domains: string[];
  responsibility: string;
  start_date: DateString;
  end_date: DateString | null;
  ended_at: TimestampNullable;
  author_organisation_id: string;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface PlansTable {
  id: string;
  family_id: string;
  version: Generated<number>;
  updated_at: Timestamp;
  evaluation_interval_weeks: Generated<number>;
  next_evaluation_on: ColumnType<DateString | null, DateString | null | undefined, DateString | null>;
  adopted_at: TimestampNullable;
  cycle_started_at: TimestampNullable;
}

export interface GoalsTable {
  id: string;
  family_id: string;
  plan_id: string;
  title: string;
  life_domain: string;
  member_ids: string[];
  focus: string;
  priority: number;
  owner_member_id: string | null;
  owner_user_id: string | null;
  author_user_id: string;
  author_organisation_id: string | null;
  author_member_id: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ActionsTable {
  id: string;
  family_id: string;
  goal_id: string;
  title: string;
  due_date: DateString | null;
  status: Generated<string>;
  assignee_user_id: string | null;
  assignee_member_id: string | null;
  assignee_supporter_id: string | null;
  author_user_id: string;
  author_organisation_id: string;
  completed_at: TimestampNullable;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TimelineEntriesTable {
  id: string;
  family_id: string;
  kind: string;
  event: string;
  body: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  life_domain: string | null;
  category: string;
  member_ids: ColumnType<string[], string[] | undefined, string[]>;
  author_user_id: string | null;
  author_organisation_id: string | null;
  author_member_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status: string;
  response_status: number | null;
  response_body: ColumnType<unknown, string | null | undefined, string | null>;
  response_headers: ColumnType<Record<string, string> | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface AuditEventsTable {
  id: string;
  chain_id: string;
  seq: ColumnType<string, number | string, never>;
  occurred_at: Timestamp;
  action: string;
  event_type: string;
  outcome: string;
  actor_kind: string;
  user_id: string | null;
  user_name: string | null;
  user_roles: string[];
  organisation_id: string | null;
  organisation_name: string | null;
  on_behalf_of_user_id: string | null;
  family_id: string | null;
  member_id: string | null;
  resource_type: string;
  resource_id: string | null;
  ip: string | null;
  client: string | null;
  request_id: string | null;
  purpose: string;
  check_authorisation: boolean;
  check_care_relationship: boolean;
  check_consent: boolean;
  check_emergency: boolean;
  detail: ColumnType<Record<string, unknown>, string, never>;
  prev_hash: string;
  hash: string;
}

export interface AuditChainHeadsTable {
  chain_id: string;
  seq: ColumnType<string, number | string, number | string>;
  last_hash: string;
}

export interface CovenantsTable {
  id: string;
  proposer_organisation_id: string;
  partner_organisation_id: string;
  categories: string[];
  purpose: string;
  valid_from: DateString;
  valid_until: DateString | null;
  status: string;
  proposed_by: string;
  decided_by: string | null;
  decided_at: TimestampNullable;
  ended_by: string | null;
  ended_at: TimestampNullable;
  version: Generated<number>;
  created_at: Timestamp;
}

export interface ConsentsTable {
  id: string;
  family_id: string;
  member_id: string;
  organisation_id: string | null;
  recipient_member_id: ColumnType<string | null, string | null | undefined, string | null>;
  categories: string[];
  purpose: string;
  valid_from: DateString;
  valid_until: DateString | null;
  given_by: string[];
  status: string;
  recorded_by: string;
  withdrawn_by: string | null;
  withdrawn_at: TimestampNullable;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BreakGlassGrantsTable {
  id: string;
  family_id: string;
  user_id: string;
  organisation_id: string;
  categories: string[];
  reason: string;
  opened_at: Timestamp;
  expires_at: Timestamp;
  closed_at: TimestampNullable;
  review_status: Generated<string>;
  reviewed_by: string | null;
  reviewed_at: TimestampNullable;
  review_note: string | null;
  version: Generated<number>;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  family_id: string | null;
  kind: string;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
  read_at: TimestampNullable;
  /** Set by the daily sweep: one notification per user per key. */
  once_key: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface NotificationPreferencesTable {
  user_id: string;
  mail: string;
  updated_at: Timestamp;
}

export interface MailOutboxTable {
  id: string;
  user_id: string;
  kind: 'notification' | 'digest';
  notification_id: string | null;
  digest_day: DateString | null;
  subject: string | null;
  body: string | null;
  status: Generated<'pending' | 'sent' | 'failed' | 'no-server'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: TimestampNullable;
}

export interface DataSubjectRequestsTable {
  id: string;
  family_id: string;
  member_id: string;
  kind: string;
  requested_by: string;
  received_on: DateString;
  note: string | null;
  status: string;
  due_on: DateString | null;
  recorded_by: string;
  recorded_at: Timestamp;
  completed_at: TimestampNullable;
}

export interface FamilyInvitationsTable {
  id: string;
  family_id: string;
  member_id: string;
  code_hash: string;
  status: string;
  expires_at: Timestamp;
  created_by: string;
  created_at: Timestamp;
  accepted_at: TimestampNullable;
  user_id: string | null;
  revoked_at: TimestampNullable;
  revoked_by: string | null;
  version: Generated<number>;
}

export interface SchemaMigrationsTable {
  name: string;
  applied_at: Timestamp;
}

export interface FamilyVisitsTable {
  user_id: string;
  family_id: string;
  visited_at: Timestamp;
}

export interface AssessmentsTable {
  id: string;
  family_id: string;
  member_id: string | null;
  view: string;
  assessed_on: DateString;
  author_user_id: string;
  author_organisation_id: string | null;
  author_member_id: string | null;
  created_at: Timestamp;
}

export interface AssessmentScoresTable {
  assessment_id: string;
  life_domain: string;
  level: number;
  strengths: Generated<string>;
  concerns: Generated<string>;
}

type Uuids = ColumnType<string[], string[] | undefined, string[]>;
type Json<T> = ColumnType<T, string | undefined, string>;

export interface PhaseTransitionsTable {
  id: string;
  family_id: string;
  from_phase: string;
  to_phase: string;
  note: Generated<string>;
  author_user_id: string;
  author_organisation_id: string | null;
  created_at: Timestamp;
}

export interface PlanAgreementsTable {
  id: string;
  family_id: string;
  plan_version: number;
  agreed_by: string[];
  goals_now: string[];
  agreed_on: DateString;
  note: Generated<string>;
  author_user_id: string;
  author_organisation_id: string | null;
  author_member_id: string | null;
  created_at: Timestamp;
}

export interface ServicesTable {
  id: string;
  organisation_id: string;
  name: string;
  description: string;
  life_domains: string[];
  minimum_age: number | null;
  maximum_age: number | null;
  referral: string;
  needs_municipal_decision: boolean;
  wait_weeks: number | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  nji_rating: string | null;
  nji_url: string | null;
  status: string;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceLocationsTable {
  id: string;
  service_at_location_id: string;
  service_id: string;
  name: string;
  address: string;
  postal_code: string;
  city: string;
  position: number;
}

export interface HelpOptionsTable {
  id: string;
  service_id: ColumnType<string | null, string | null | undefined, string | null>;
  family_id: string;
  goal_id: string;
  title: string;
  description: Generated<string>;
  asks_of_family: Generated<string>;
  may_bring: Generated<string>;
  author_user_id: string;
  author_organisation_id: string | null;
  author_member_id: string | null;
  created_at: Timestamp;
}

export interface StoredExpectation {
  what: string;
  dueDate: string | null;
  assignee: { kind: 'user' | 'member' | 'supporter'; id: string };
  actionId: string | null;
}

export interface DecisionsTable {
  id: string;
  family_id: string;
  goal_id: string;
  decided_on: DateString;
  chosen_option_ids: Uuids;
  preferred_option_id: string | null;
  family_view: Generated<string>;
  rationale: string;
  participant_member_ids: string[];
  participant_user_ids: Uuids;
  expectations: Json<StoredExpectation[]>;
  revisits_id: string | null;
  author_user_id: string;
  author_organisation_id: string | null;
  created_at: Timestamp;
}

export interface EvaluationsTable {
  id: string;
  family_id: string;
  kind: string;
  held_on: DateString;
  participant_member_ids: Uuids;
  participant_user_ids: Uuids;
  experience: Json<{ code: string; score: number }[]>;
  catalogue_version: string | null;
  collaboration: Json<{ code: string; score: number; comment: string }[]>;
  decisions: Generated<string>;
  next_evaluation_on: DateString | null;
  author_user_id: string;
  author_organisation_id: string | null;
  created_at: Timestamp;
}

export interface EvaluationGoalScoresTable {
  evaluation_id: string;
  goal_id: string;
  family_id: string;
  score: number;
  comment: Generated<string>;
}

export interface ClosuresTable {
  id: string;
  family_id: string;
  closed_on: DateString;
  reason: string;
  can_do_themselves: string;
  aftercare_on: DateString | null;
  aftercare_checked_on: ColumnType<DateString | null, DateString | null | undefined, DateString | null>;
  aftercare_outcome: ColumnType<string | null, string | null | undefined, string | null>;
  aftercare_note: Generated<string>;
  reopened_at: TimestampNullable;
  author_user_id: string;
  author_organisation_id: string | null;
  created_at: Timestamp;
}

export interface CollaborationCataloguesTable {
  version: string;
  name: string;
  components: Json<unknown[]>;
  published_by: string;
  published_at: Timestamp;
}

export interface ReferralsTable {
  id: string;
  family_id: string;
  goal_id: string;
  from_user_id: string;
  from_organisation_id: string;
  to_organisation_id: string;
  service_id: string | null;
  status: string;
  shared: Json<{ goal: { title: string; lifeDomain: string }; reason: string; summary: string; familyName: string | null; who: { givenName: string; age: number }[] }>;
  accepted_by: ColumnType<string | null, string | null | undefined, string | null>;
  requested_at: TimestampNullable;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A joint consultation (MDO); the arrays are ids, the jsonb columns small snapshots (see its migration). */
export interface ConsultationsTable {
  id: string;
  family_id: string;
  status: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  location: Generated<string>;
  video_url: string | null;
  organiser_user_id: string;
  author_organisation_id: string;
  invited_user_ids: string[];
  invited_member_ids: string[];
  invited_supporter_ids: string[];
  agenda: Json<Array<{ kind: string; refId: string | null; goalId: string | null; title: string }>>;
  attended_user_ids: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  attended_member_ids: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  attended_supporter_ids: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  notes: Generated<string>;
  decisions: Json<Array<{ text: string; goalId: string | null; sharedDecisionId: string | null }>>;
  actions: Json<Array<{ actionId: string; goalId: string; title: string }>>;
  recorded_at: TimestampNullable;
  cancelled_at: TimestampNullable;
  cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
  sequence: Generated<number>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CalendarFeedTokensTable {
  user_id: string;
  token_hash: string;
  created_at: Timestamp;
}

export interface ReferralEventsTable {
  id: string;
  referral_id: string;
  family_id: string;
  status: string;
  note: Generated<string>;
  by_user_id: string;
  by_organisation_id: string;
  created_at: Timestamp;
}

export interface HandoversTable {
  id: string;
  family_id: string;
  reason: string;
  from_user_id: string;
  to_user_id: string | null;
  what_works: string;
  what_to_watch: string;
  family_trusts: string;
  open_actions: string;
  reassigned: Json<Array<{ actionId: string; toUserId: string }>>;
  author_user_id: string;
  author_organisation_id: string;
  created_at: Timestamp;
}

export interface CoordinationPeriodsTable {
  id: string;
  family_id: string;
  team_member_id: string;
  user_id: string;
  started_at: Timestamp;
  ended_at: TimestampNullable;
  handover_id: string | null;
}

export interface CareStepsTable {
  id: string;
  family_id: string;
  referral_id: string | null;
  specialist_user_id: string;
  coordinator_user_id: string;
  staying: Json<Array<{ userId: string; involvement: string }>>;
  note: string;
  stepped_up_at: Timestamp;
  stepped_down_at: TimestampNullable;
  handover_id: string | null;
  author_user_id: string;
  author_organisation_id: string;
  version: Generated<number>;
}

/** A signal between two family files holding the same child; no BSN (see its migration). */
export interface SignalsTable {
  id: string;
  family_a_id: string;
  family_b_id: string;
  status: 'open' | 'joined' | 'declined' | 'lapsed';
  proposed_by_family_id: string | null;
  proposed_by_user_id: string | null;
  proposed_at: TimestampNullable;
  resolved_by_family_id: string | null;
  resolved_by_user_id: string | null;
  resolved_at: TimestampNullable;
  reason: string | null;
  organisations_a: string[];
  organisations_b: string[];
  last_activity_at: Timestamp;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SignalEventsTable {
  id: string;
  signal_id: string;
  event: string;
  by_family_id: string | null;
  by_user_id: string | null;
  created_at: Timestamp;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  life_domains: LifeDomainsTable;
  families: FamiliesTable;
  members: MembersTable;
  supporters: SupportersTable;
  team_members: TeamMembersTable;
  plans: PlansTable;
  goals: GoalsTable;
  actions: ActionsTable;
  timeline_entries: TimelineEntriesTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  covenants: CovenantsTable;
  consents: ConsentsTable;
  break_glass_grants: BreakGlassGrantsTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  mail_outbox: MailOutboxTable;
  data_subject_requests: DataSubjectRequestsTable;
  family_invitations: FamilyInvitationsTable;
  recovery_codes: RecoveryCodesTable;
  family_visits: FamilyVisitsTable;
  assessments: AssessmentsTable;
  assessment_scores: AssessmentScoresTable;
  phase_transitions: PhaseTransitionsTable;
  plan_agreements: PlanAgreementsTable;
  help_options: HelpOptionsTable;
  decisions: DecisionsTable;
  evaluations: EvaluationsTable;
  evaluation_goal_scores: EvaluationGoalScoresTable;
  closures: ClosuresTable;
  collaboration_catalogues: CollaborationCataloguesTable;
  services: ServicesTable;
  service_locations: ServiceLocationsTable;
  referrals: ReferralsTable;
  referral_events: ReferralEventsTable;
  consultations: ConsultationsTable;
  calendar_feed_tokens: CalendarFeedTokensTable;
  handovers: HandoversTable;
  coordination_periods: CoordinationPeriodsTable;
  care_steps: CareStepsTable;
  signals: SignalsTable;
  signal_events: SignalEventsTable;
  schema_migrations: SchemaMigrationsTable;
}
