-- Signals (issue 6): two family files, kept by different organisations, hold the same child (same BSN) and share no
-- organisation on their care teams. Modelled on the Verwijsindex match, but it is Gezinsplan's own signal.
-- A signal names the pair of files only, never a BSN: which children match is read live from `members` (and the
-- match stops when a BSN is corrected). One row per pair of files, in a fixed order (family_a_id < family_b_id), so
-- a pair never has two signals. Both files' rows are referenced: destroying either file destroys the signal.
CREATE TABLE signals (
  id uuid PRIMARY KEY,
  family_a_id uuid NOT NULL REFERENCES families(id),
  family_b_id uuid NOT NULL REFERENCES families(id),
  status text NOT NULL CHECK (status IN ('open', 'joined', 'declined', 'lapsed')),
  -- One side proposed one care team: its own, which the other side's coordinator joins on accepting.
  proposed_by_family_id uuid REFERENCES families(id),
  proposed_by_user_id uuid REFERENCES users(id),
  proposed_at timestamptz,
  -- How it was resolved: who, when, and (declined) why; the reason is shown to its own side only.
  resolved_by_family_id uuid REFERENCES families(id),
  resolved_by_user_id uuid REFERENCES users(id),
  resolved_at timestamptz,
  reason text,
  -- The organisations on each team when the signal was raised or resolved: a resolved signal is raised again only
  -- when one of these sets changed (ids, no content).
  organisations_a uuid[] NOT NULL DEFAULT '{}',
  organisations_b uuid[] NOT NULL DEFAULT '{}',
  -- Reads do not count: after two years without a change the signal is no longer shown and the retention job
  -- destroys it.
  last_activity_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (family_a_id < family_b_id),
  CHECK (status <> 'declined' OR length(reason) > 0)
);
CREATE UNIQUE INDEX signals_pair_key ON signals (family_a_id, family_b_id);
CREATE INDEX signals_family_b_idx ON signals (family_b_id);
CREATE INDEX signals_activity_idx ON signals (last_activity_at);

-- What happened to a signal, and on which side: the signal's own log (the audit log has every read as well).
CREATE TABLE signal_events (
  id uuid PRIMARY KEY,
  signal_id uuid NOT NULL REFERENCES signals(id),
  event text NOT NULL CHECK (event IN ('raised', 'raised-again', 'team-proposed', 'team-joined', 'declined', 'linked', 'lapsed')),
  -- The file on whose side it happened; null for the matcher's own steps.
  by_family_id uuid REFERENCES families(id),
  by_user_id uuid REFERENCES users(id),
  created_at timestamptz NOT NULL
);
CREATE INDEX signal_events_signal_idx ON signal_events (signal_id, created_at, id);

-- The match: "which other files hold a member with this BSN". A region's families are in one database, so this must
-- be an index lookup, not a scan (members_family_bsn_key leads with family_id and cannot serve it).
CREATE INDEX members_bsn_idx ON members (bsn) WHERE bsn IS NOT NULL;
