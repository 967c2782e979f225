-- When each professional last opened each family's file, so their caseload can say what changed since then.
-- One row per person and family, overwritten on every visit: the audit log keeps the full history of access.
CREATE TABLE family_visits (
  user_id uuid NOT NULL REFERENCES users(id),
  family_id uuid NOT NULL REFERENCES families(id),
  visited_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, family_id)
);
