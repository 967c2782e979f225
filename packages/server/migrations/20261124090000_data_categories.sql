-- Every datum carries what the gate needs to decide who may see it: its category, the organisation that wrote it,
-- and the members it is about (none: the family as a whole). See packages/domain/src/consent/category-access.ts.

-- The family record, its members and its supporters are 'identity', written by the registering organisation
-- (or by whoever added the member or supporter later).
ALTER TABLE families ADD COLUMN organisation_id uuid REFERENCES organisations(id);
UPDATE families f SET organisation_id = u.organisation_id FROM users u WHERE u.id = f.created_by;
ALTER TABLE families ALTER COLUMN organisation_id SET NOT NULL;

ALTER TABLE members ADD COLUMN author_organisation_id uuid REFERENCES organisations(id);
UPDATE members m SET author_organisation_id = f.organisation_id FROM families f WHERE f.id = m.family_id;
ALTER TABLE members ALTER COLUMN author_organisation_id SET NOT NULL;

ALTER TABLE supporters ADD COLUMN author_organisation_id uuid REFERENCES organisations(id);
UPDATE supporters s SET author_organisation_id = f.organisation_id FROM families f WHERE f.id = s.family_id;
ALTER TABLE supporters ALTER COLUMN author_organisation_id SET NOT NULL;

-- A care-team membership is 'team' data, written by the organisation that added it (the coordinator's, usually).
ALTER TABLE team_members ADD COLUMN author_organisation_id uuid REFERENCES organisations(id);
UPDATE team_members t SET author_organisation_id = f.organisation_id FROM families f WHERE f.id = t.family_id;
ALTER TABLE team_members ALTER COLUMN author_organisation_id SET NOT NULL;

-- Timeline entries: the category is fixed when the entry is written, so a list can be filtered row by row.
ALTER TABLE timeline_entries ADD COLUMN category text;
ALTER TABLE timeline_entries ADD COLUMN member_ids uuid[] NOT NULL DEFAULT '{}';
UPDATE timeline_entries t SET author_organisation_id = f.organisation_id
  FROM families f WHERE f.id = t.family_id AND t.author_organisation_id IS NULL;
UPDATE timeline_entries SET category = CASE
  WHEN life_domain IS NOT NULL THEN life_domain
  WHEN kind IN ('family', 'member') THEN 'identity'
  WHEN kind = 'team' THEN 'team'
  WHEN kind = 'plan' THEN 'plan-overview'
  ELSE 'unshared' END;
ALTER TABLE timeline_entries ALTER COLUMN category SET NOT NULL;
ALTER TABLE timeline_entries ALTER COLUMN author_organisation_id SET NOT NULL;

-- Break-the-glass: a team member opens categories outside consent in acute danger, with a written reason, for at
-- most 24 hours. Every grant waits in the privacy officer's review queue until it is judged.
CREATE TABLE break_glass_grants (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  user_id uuid NOT NULL REFERENCES users(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  categories text[] NOT NULL CHECK (cardinality(categories) >= 1),
  reason text NOT NULL CHECK (length(reason) >= 20),
  opened_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL CHECK (expires_at > opened_at AND expires_at <= opened_at + interval '24 hours'),
  closed_at timestamptz,
  review_status text NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending', 'justified', 'flagged')),
  reviewed_by uuid REFERENCES users(id),
  reviewed_at timestamptz,
  review_note text,
  version integer NOT NULL DEFAULT 1
);
-- The gate's question: "which grants of this user in this family are open now".
CREATE INDEX break_glass_user_family_idx ON break_glass_grants (user_id, family_id, expires_at);
CREATE INDEX break_glass_review_idx ON break_glass_grants (review_status, opened_at);
CREATE INDEX break_glass_family_idx ON break_glass_grants (family_id, opened_at DESC);

-- Notifications: what a user must know about (a break-the-glass in a family they coordinate, and more to come).
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  family_id uuid REFERENCES families(id),
  kind text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
-- The privacy officer's search by period, organisation and outcome.
CREATE INDEX audit_events_organisation_idx ON audit_events (organisation_id, occurred_at DESC);
