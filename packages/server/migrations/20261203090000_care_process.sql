-- The care process with the family (issue 5): phases as a guarded state machine with their history, the family's
-- agreement with the plan, shared decisions about help, joint evaluations on a rhythm, closure and aftercare, and
-- the collaboration-components catalogue as replaceable, versioned data.

-- Every phase change is kept; "since the file was last reopened" is read from here.
CREATE TABLE phase_transitions (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  from_phase text NOT NULL,
  to_phase text NOT NULL,
  note text NOT NULL DEFAULT '',
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_organisation_id uuid REFERENCES organisations(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX phase_transitions_family_idx ON phase_transitions (family_id, created_at DESC, id DESC);

-- The plan's evaluation rhythm and the next joint evaluation; when it was adopted.
ALTER TABLE plans ADD COLUMN evaluation_interval_weeks integer NOT NULL DEFAULT 8 CHECK (evaluation_interval_weeks BETWEEN 1 AND 52);
ALTER TABLE plans ADD COLUMN next_evaluation_on date;
ALTER TABLE plans ADD COLUMN adopted_at timestamptz;
-- When the file was last reopened: agreements and closing evaluations from before belong to the earlier cycle.
ALTER TABLE plans ADD COLUMN cycle_started_at timestamptz;
-- Files already being worked on get their first evaluation one rhythm from now.
UPDATE plans p SET next_evaluation_on = current_date + 56, adopted_at = f.updated_at
  FROM families f WHERE f.id = p.family_id AND f.phase IN ('uitvoering', 'evaluatie');

-- The family agrees with the plan: the goals in focus "now" at that moment, and who in the family agreed.
CREATE TABLE plan_agreements (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  plan_version integer NOT NULL,
  agreed_by uuid[] NOT NULL CHECK (cardinality(agreed_by) >= 1),
  goals_now uuid[] NOT NULL,
  agreed_on date NOT NULL,
  note text NOT NULL DEFAULT '',
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_organisation_id uuid REFERENCES organisations(id),
  author_member_id uuid REFERENCES members(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX plan_agreements_family_idx ON plan_agreements (family_id, created_at DESC, id DESC);

-- Shared decisions: help options for a goal, and the decisions taken together.
CREATE TABLE help_options (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  goal_id uuid NOT NULL REFERENCES goals(id),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  asks_of_family text NOT NULL DEFAULT '',
  may_bring text NOT NULL DEFAULT '',
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_organisation_id uuid REFERENCES organisations(id),
  author_member_id uuid REFERENCES members(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX help_options_goal_idx ON help_options (family_id, goal_id, created_at, id);

CREATE TABLE decisions (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  goal_id uuid NOT NULL REFERENCES goals(id),
  decided_on date NOT NULL,
  chosen_option_ids uuid[] NOT NULL DEFAULT '{}',
  preferred_option_id uuid REFERENCES help_options(id),
  family_view text NOT NULL DEFAULT '',
  rationale text NOT NULL,
  participant_member_ids uuid[] NOT NULL,
  participant_user_ids uuid[] NOT NULL DEFAULT '{}',
  -- [{what, dueDate, assignee: {kind, id}, actionId}]
  expectations jsonb NOT NULL DEFAULT '[]',
  revisits_id uuid REFERENCES decisions(id),
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_organisation_id uuid REFERENCES organisations(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX decisions_goal_idx ON decisions (family_id, goal_id, created_at DESC, id DESC);
-- A decision is revisited once; the next change of mind revisits the decision that replaced it.
CREATE UNIQUE INDEX decisions_revisited_once ON decisions (revisits_id) WHERE revisits_id IS NOT NULL;

-- Joint evaluations, and per goal its Goal Attainment Scaling score (each shared as its goal's life domain).
CREATE TABLE evaluations (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  kind text NOT NULL CHECK (kind IN ('interim', 'closing')),
  held_on date NOT NULL,
  participant_member_ids uuid[] NOT NULL DEFAULT '{}',
  participant_user_ids uuid[] NOT NULL DEFAULT '{}',
  -- [{code, score}]: the family's experience, each statement 1-5
  experience jsonb NOT NULL DEFAULT '[]',
  catalogue_version text,
  -- [{code, score, comment}]: the collaboration components of that catalogue version
  collaboration jsonb NOT NULL DEFAULT '[]',
  decisions text NOT NULL DEFAULT '',
  next_evaluation_on date,
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_organisation_id uuid REFERENCES organisations(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX evaluations_family_idx ON evaluations (family_id, held_on DESC, created_at DESC, id DESC);

CREATE TABLE evaluation_goal_scores (
  evaluation_id uuid NOT NULL REFERENCES evaluations(id),
  goal_id uuid NOT NULL REFERENCES goals(id),
  family_id uuid NOT NULL REFERENCES families(id),
  score integer NOT NULL CHECK (score BETWEEN -2 AND 2),
  comment text NOT NULL DEFAULT '',
  PRIMARY KEY (evaluation_id, goal_id)
);
CREATE INDEX evaluation_goal_scores_goal_idx ON evaluation_goal_scores (goal_id);

-- Closing the file, and the aftercare check some months later. Reopening keeps the closure as history.
CREATE TABLE closures (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  closed_on date NOT NULL,
  reason text NOT NULL CHECK (reason IN ('goals-reached', 'moved-away', 'declined-help', 'transferred')),
  can_do_themselves text NOT NULL,
  aftercare_on date,
  aftercare_checked_on date,
  aftercare_outcome text CHECK (aftercare_outcome IN ('going-well', 'needs-help')),
  aftercare_note text NOT NULL DEFAULT '',
  reopened_at timestamptz,
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_organisation_id uuid REFERENCES organisations(id),
  created_at timestamptz NOT NULL,
  CHECK ((aftercare_checked_on IS NULL) = (aftercare_outcome IS NULL))
);
CREATE INDEX closures_family_idx ON closures (family_id, created_at DESC);
-- The coordinators' work lists: aftercare checks still to do.
CREATE INDEX closures_aftercare_open_idx ON closures (aftercare_on) WHERE aftercare_checked_on IS NULL AND reopened_at IS NULL;

-- The collaboration-components checklist as data: each published version is kept, so old evaluations still read.
-- No row: the built-in default catalogue (packages/domain) is current.
CREATE TABLE collaboration_catalogues (
  version text PRIMARY KEY,
  name text NOT NULL,
  components jsonb NOT NULL,
  published_by uuid NOT NULL REFERENCES users(id),
  published_at timestamptz NOT NULL
);
CREATE INDEX collaboration_catalogues_published_idx ON collaboration_catalogues (published_at DESC);
