-- Continuity of care (issue 6): handovers whenever responsibility moves, who coordinated when, and the steps up to
-- specialist care and back down.

-- A handover note is the team's data, written by the organisation of the one who hands over.
CREATE TABLE handovers (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  reason text NOT NULL CHECK (reason IN ('coordination', 'leaving', 'step-down')),
  from_user_id uuid NOT NULL REFERENCES users(id),
  to_user_id uuid REFERENCES users(id),
  what_works text NOT NULL,
  what_to_watch text NOT NULL,
  family_trusts text NOT NULL DEFAULT '',
  open_actions text NOT NULL DEFAULT '',
  -- [{actionId, toUserId}]: which open action went to whom.
  reassigned jsonb NOT NULL DEFAULT '[]',
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_organisation_id uuid NOT NULL REFERENCES organisations(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX handovers_family_idx ON handovers (family_id, created_at, id);

-- Who held coordination when. Each handover ends one period and starts the next at the same instant, so the periods
-- are contiguous; the index keeps at most one open period, the service at least one.
CREATE TABLE coordination_periods (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  team_member_id uuid NOT NULL REFERENCES team_members(id),
  user_id uuid NOT NULL REFERENCES users(id),
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  handover_id uuid REFERENCES handovers(id)
);
CREATE UNIQUE INDEX coordination_periods_one_open ON coordination_periods (family_id) WHERE ended_at IS NULL;
CREATE INDEX coordination_periods_family_idx ON coordination_periods (family_id, started_at);

-- Files from before this table: the coordinator now has held it since they joined.
INSERT INTO coordination_periods (id, family_id, team_member_id, user_id, started_at)
SELECT gen_random_uuid(), family_id, id, user_id, created_at FROM team_members WHERE role = 'coordinator' AND ended_at IS NULL;

-- Stepping up to specialist care and back down. `staying` records who stays involved and how: [{userId, involvement}].
CREATE TABLE care_steps (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  referral_id uuid REFERENCES referrals(id),
  specialist_user_id uuid NOT NULL REFERENCES users(id),
  coordinator_user_id uuid NOT NULL REFERENCES users(id),
  staying jsonb NOT NULL DEFAULT '[]',
  note text NOT NULL DEFAULT '',
  stepped_up_at timestamptz NOT NULL,
  stepped_down_at timestamptz,
  handover_id uuid REFERENCES handovers(id),
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_organisation_id uuid NOT NULL REFERENCES organisations(id),
  version integer NOT NULL DEFAULT 1
);
-- One open step per specialist per family.
CREATE UNIQUE INDEX care_steps_one_open ON care_steps (family_id, specialist_user_id) WHERE stepped_down_at IS NULL;
CREATE INDEX care_steps_family_idx ON care_steps (family_id, stepped_up_at, id);
