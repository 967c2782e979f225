-- Referrals (issue 6): from a professional on the family's team to another organisation, for a goal, following the
-- Gravity referral Task states. `shared` is the snapshot the receiving organisation may read, fixed when it is sent.
CREATE TABLE referrals (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  goal_id uuid NOT NULL REFERENCES goals(id),
  from_user_id uuid NOT NULL REFERENCES users(id),
  from_organisation_id uuid NOT NULL REFERENCES organisations(id),
  to_organisation_id uuid NOT NULL REFERENCES organisations(id),
  service_id uuid REFERENCES services(id),
  status text NOT NULL CHECK (status IN ('draft', 'requested', 'accepted', 'rejected', 'in-progress', 'completed', 'cancelled', 'failed')),
  shared jsonb NOT NULL,
  accepted_by uuid REFERENCES users(id),
  requested_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX referrals_family_idx ON referrals (family_id, created_at DESC, id DESC);
-- The receiving organisation's inbox.
CREATE INDEX referrals_incoming_idx ON referrals (to_organisation_id, created_at DESC, id DESC);

-- Every status a referral went through, who moved it and what they said: both sides read it.
CREATE TABLE referral_events (
  id uuid PRIMARY KEY,
  referral_id uuid NOT NULL REFERENCES referrals(id),
  family_id uuid NOT NULL REFERENCES families(id),
  status text NOT NULL,
  note text NOT NULL DEFAULT '',
  by_user_id uuid NOT NULL REFERENCES users(id),
  by_organisation_id uuid NOT NULL REFERENCES organisations(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX referral_events_referral_idx ON referral_events (referral_id, created_at, id);
