-- Needs mapped together (issue 5): an assessment per member or for the household, whose view it is, and per life
-- domain the ZRM level with strengths and concerns. Every assessment is kept: history is the point.
CREATE TABLE assessments (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  member_id uuid REFERENCES members(id),
  view text NOT NULL CHECK (view IN ('family','professional')),
  assessed_on date NOT NULL,
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_organisation_id uuid REFERENCES organisations(id),
  author_member_id uuid REFERENCES members(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX assessments_family_idx ON assessments (family_id, assessed_on DESC, id DESC);

-- One row per life domain, so each score is shared or hidden as the data of its own domain.
CREATE TABLE assessment_scores (
  assessment_id uuid NOT NULL REFERENCES assessments(id),
  life_domain text NOT NULL REFERENCES life_domains(code),
  level integer NOT NULL CHECK (level BETWEEN 1 AND 5),
  strengths text NOT NULL DEFAULT '',
  concerns text NOT NULL DEFAULT '',
  PRIMARY KEY (assessment_id, life_domain)
);
