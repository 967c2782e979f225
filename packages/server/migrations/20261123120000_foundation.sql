-- Foundation: organisations, people, sessions, families and their plan, the timeline, and the NEN 7513 audit log.
-- Every family-owned table carries family_id, so the schema can be distributed by family without query rewrites.

CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('wijkteam','jeugdteam','huisarts','school','jgz','schuldhulp','ggz-volwassenen',
    'jeugd-ggz','specialist-jeugdhulp','gemeente','veilig-thuis','other')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));

CREATE TABLE users (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  email text NOT NULL CHECK (email = lower(email)),
  name text NOT NULL,
  password_hash text NOT NULL,
  roles text[] NOT NULL CHECK (cardinality(roles) >= 1
    AND roles <@ ARRAY['admin','org-admin','professional','policy','privacy-officer']::text[]),
  active boolean NOT NULL DEFAULT true,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_organisation_idx ON users (organisation_id, name);

-- Sessions live in the database so any number of stateless app servers can serve them.
-- The cookie carries a random token; only its SHA-256 is stored.
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE life_domains (
  code text PRIMARY KEY,
  domain_group text NOT NULL CHECK (domain_group IN ('zrm','household','child','custom')),
  name_nl text NOT NULL,
  plain_nl text NOT NULL,
  name_en text NOT NULL,
  sort_order integer NOT NULL,
  active boolean NOT NULL DEFAULT true
);

CREATE TABLE families (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  phase text NOT NULL CHECK (phase IN ('aanmelding','intake','plan','uitvoering','evaluatie','afgesloten')),
  version integer NOT NULL DEFAULT 1,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE members (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  given_name text NOT NULL,
  family_name text NOT NULL,
  birth_date date NOT NULL,
  role text NOT NULL CHECK (role IN ('parent','child','other')),
  has_custody boolean NOT NULL DEFAULT false,
  bsn text CHECK (bsn ~ '^[0-9]{9}$'),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX members_family_idx ON members (family_id);
CREATE UNIQUE INDEX members_family_bsn_key ON members (family_id, bsn) WHERE bsn IS NOT NULL;

CREATE TABLE supporters (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  name text NOT NULL,
  relation text NOT NULL,
  contact text,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supporters_family_idx ON supporters (family_id);

CREATE TABLE team_members (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  user_id uuid NOT NULL REFERENCES users(id),
  role text NOT NULL CHECK (role IN ('coordinator','member','experienceExpert')),
  life_domains text[] NOT NULL DEFAULT '{}',
  responsibility text NOT NULL DEFAULT '',
  start_date date NOT NULL,
  end_date date,
  ended_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((end_date IS NULL) = (ended_at IS NULL))
);
-- Exactly one active coordinator per family (at most one here; the service keeps at least one).
CREATE UNIQUE INDEX team_members_one_coordinator ON team_members (family_id)
  WHERE role = 'coordinator' AND ended_at IS NULL;
-- A professional is on a family's team at most once at a time.
CREATE UNIQUE INDEX team_members_active_user ON team_members (family_id, user_id) WHERE ended_at IS NULL;
-- The gate's lookup and the caseload: "which families is this user on, now".
CREATE INDEX team_members_user_active_idx ON team_members (user_id, family_id) WHERE ended_at IS NULL;
CREATE INDEX team_members_family_idx ON team_members (family_id);

CREATE TABLE plans (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL UNIQUE REFERENCES families(id),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE goals (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  plan_id uuid NOT NULL REFERENCES plans(id),
  title text NOT NULL,
  life_domain text NOT NULL REFERENCES life_domains(code),
  member_ids uuid[] NOT NULL DEFAULT '{}',
  focus text NOT NULL CHECK (focus IN ('now','later','achieved','stopped')),
  priority integer NOT NULL,
  owner_member_id uuid REFERENCES members(id),
  owner_user_id uuid REFERENCES users(id),
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_organisation_id uuid NOT NULL REFERENCES organisations(id),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (owner_member_id IS NULL OR owner_user_id IS NULL)
);
CREATE INDEX goals_family_idx ON goals (family_id, priority);

CREATE TABLE actions (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  goal_id uuid NOT NULL REFERENCES goals(id),
  title text NOT NULL,
  due_date date,
  status text NOT NULL CHECK (status IN ('open','done','cancelled')) DEFAULT 'open',
  assignee_user_id uuid REFERENCES users(id),
  assignee_member_id uuid REFERENCES members(id),
  assignee_supporter_id uuid REFERENCES supporters(id),
  author_user_id uuid NOT NULL REFERENCES users(id),
  author_organisation_id uuid NOT NULL REFERENCES organisations(id),
  completed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(assignee_user_id, assignee_member_id, assignee_supporter_id) = 1)
);
CREATE INDEX actions_family_idx ON actions (family_id, goal_id);
-- "My open actions across families, by due date".
CREATE INDEX actions_assignee_open_idx ON actions (assignee_user_id, due_date, id) WHERE status = 'open';

CREATE TABLE timeline_entries (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  kind text NOT NULL CHECK (kind IN ('note','family','member','team','plan')),
  event text NOT NULL,
  body text,
  data jsonb NOT NULL DEFAULT '{}',
  life_domain text REFERENCES life_domains(code),
  author_user_id uuid REFERENCES users(id),
  author_organisation_id uuid REFERENCES organisations(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX timeline_family_idx ON timeline_entries (family_id, created_at DESC, id DESC);

-- POST requests may carry Idempotency-Key: the first result is kept and replayed.
CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL,
  key text NOT NULL,
  method text NOT NULL,
  path text NOT NULL,
  request_hash text NOT NULL,
  status text NOT NULL CHECK (status IN ('in-progress','done')),
  response_status integer,
  response_body jsonb,
  response_headers jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

-- NEN 7513 audit log. Append-only (triggers below), hash-chained per family ('family:<id>') plus one chain for
-- events outside any family ('system'), and partitioned by month so old months can be archived whole.
CREATE TABLE audit_events (
  id uuid NOT NULL,
  chain_id text NOT NULL,
  seq bigint NOT NULL,
  occurred_at timestamptz NOT NULL,
  action char(1) NOT NULL CHECK (action IN ('C','R','U','D','E')),
  event_type text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('success','denied','failure')),
  actor_kind text NOT NULL,
  user_id uuid,
  user_name text,
  user_roles text[] NOT NULL DEFAULT '{}',
  organisation_id uuid,
  organisation_name text,
  on_behalf_of_user_id uuid,
  family_id uuid,
  member_id uuid,
  resource_type text NOT NULL,
  resource_id text,
  ip text,
  client text,
  request_id text,
  purpose text NOT NULL,
  check_authorisation boolean NOT NULL,
  check_care_relationship boolean NOT NULL,
  check_consent boolean NOT NULL,
  check_emergency boolean NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);
CREATE TABLE audit_events_default PARTITION OF audit_events DEFAULT;
CREATE INDEX audit_events_family_idx ON audit_events (family_id, occurred_at DESC, id DESC);
CREATE INDEX audit_events_chain_idx ON audit_events (chain_id, seq);
CREATE INDEX audit_events_user_idx ON audit_events (user_id, occurred_at DESC);

CREATE TABLE audit_chain_heads (
  chain_id text PRIMARY KEY,
  seq bigint NOT NULL,
  last_hash text NOT NULL
);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;
