-- When care ended: the retention period of a closed file runs from this moment.
ALTER TABLE families ADD COLUMN closed_at timestamptz;
UPDATE families SET closed_at = updated_at WHERE phase = 'afgesloten';

-- Data-subject requests recorded by a privacy officer: a copy of everything about a member, or erasure. An erasure
-- of a file under retention is scheduled: the file is closed to everyone but privacy officers until it is destroyed.
CREATE TABLE data_subject_requests (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL,
  member_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('export', 'erasure')),
  requested_by uuid NOT NULL,
  received_on date NOT NULL,
  note text,
  status text NOT NULL CHECK (status IN ('scheduled', 'completed')),
  due_on date,
  recorded_by uuid NOT NULL REFERENCES users(id),
  recorded_at timestamptz NOT NULL,
  completed_at timestamptz,
  CHECK ((kind = 'erasure') = (due_on IS NOT NULL))
);
-- No foreign keys to the family: the request outlives the file it destroyed, as proof that it was carried out.
CREATE INDEX data_subject_requests_family_idx ON data_subject_requests (family_id);
CREATE INDEX data_subject_requests_due_idx ON data_subject_requests (due_on) WHERE status = 'scheduled';
