-- Joint consultations (gezamenlijk consult, MDO; issue 6): planned with a time, a place or video link, invitees and
-- an agenda drawn from the plan; afterwards who attended, the decisions and the actions it put into the plan.
-- Invitees are ids of the family's members and supporters and of professionals (users), as in decisions/evaluations.
-- `agenda` holds [{kind, refId, goalId, title}] with the title as it was when planned; `decisions` holds
-- [{text, goalId, sharedDecisionId}]; `actions` holds [{actionId, goalId, title}] of the plan actions it created.
CREATE TABLE consultations (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  status text NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  location text NOT NULL DEFAULT '',
  video_url text,
  organiser_user_id uuid NOT NULL REFERENCES users(id),
  author_organisation_id uuid NOT NULL REFERENCES organisations(id),
  invited_user_ids uuid[] NOT NULL DEFAULT '{}',
  invited_member_ids uuid[] NOT NULL DEFAULT '{}',
  invited_supporter_ids uuid[] NOT NULL DEFAULT '{}',
  agenda jsonb NOT NULL DEFAULT '[]',
  attended_user_ids uuid[],
  attended_member_ids uuid[],
  attended_supporter_ids uuid[],
  notes text NOT NULL DEFAULT '',
  decisions jsonb NOT NULL DEFAULT '[]',
  actions jsonb NOT NULL DEFAULT '[]',
  recorded_at timestamptz,
  cancelled_at timestamptz,
  cancel_reason text,
  -- The iCalendar SEQUENCE of the invitation (RFC 5545 §3.8.7.4): raised on every reschedule and on cancelling.
  sequence integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX consultations_family_idx ON consultations (family_id, starts_at DESC, id DESC);
-- "Invited to": my consultations and my calendar feed.
CREATE INDEX consultations_invited_users_idx ON consultations USING gin (invited_user_ids);
CREATE INDEX consultations_invited_members_idx ON consultations USING gin (invited_member_ids);

-- A personal secret for the calendar feed, so a calendar app can subscribe without a session. Only its hash is kept;
-- a new one replaces the old.
CREATE TABLE calendar_feed_tokens (
  user_id uuid PRIMARY KEY REFERENCES users(id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL
);
