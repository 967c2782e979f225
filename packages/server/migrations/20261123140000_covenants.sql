-- Covenants: agreements between two organisations about which categories of family data they may share, for what
-- purpose, in what period. Proposed by one side, active only once the other side accepts; ending is immediate.
CREATE TABLE covenants (
  id uuid PRIMARY KEY,
  proposer_organisation_id uuid NOT NULL REFERENCES organisations(id),
  partner_organisation_id uuid NOT NULL REFERENCES organisations(id),
  categories text[] NOT NULL CHECK (cardinality(categories) >= 1),
  purpose text NOT NULL,
  valid_from date NOT NULL,
  valid_until date,
  status text NOT NULL CHECK (status IN ('proposed','active','rejected','ended')),
  proposed_by uuid NOT NULL REFERENCES users(id),
  decided_by uuid REFERENCES users(id),
  decided_at timestamptz,
  ended_by uuid REFERENCES users(id),
  ended_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (proposer_organisation_id <> partner_organisation_id),
  CHECK (valid_until IS NULL OR valid_until >= valid_from)
);
CREATE INDEX covenants_proposer_idx ON covenants (proposer_organisation_id, status);
CREATE INDEX covenants_partner_idx ON covenants (partner_organisation_id, status);
