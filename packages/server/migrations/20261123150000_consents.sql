-- Consents: a family member (or who may decide for them) permits an organisation to see categories of data about
-- them, for a purpose, until a date. Who must agree depends on the member's age on the day the data is asked for,
-- so the people who agreed are kept (given_by) and the rule is applied at every request, never stored as a verdict.
CREATE TABLE consents (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  member_id uuid NOT NULL REFERENCES members(id),
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  categories text[] NOT NULL CHECK (cardinality(categories) >= 1),
  purpose text NOT NULL,
  valid_from date NOT NULL,
  valid_until date,
  given_by uuid[] NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('active','withdrawn')),
  recorded_by uuid NOT NULL REFERENCES users(id),
  withdrawn_by uuid REFERENCES users(id),
  withdrawn_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX consents_family_idx ON consents (family_id, member_id);
-- The gate's question: "which active consents does this organisation hold in this family".
CREATE INDEX consents_recipient_idx ON consents (family_id, organisation_id) WHERE status = 'active';
