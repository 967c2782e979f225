-- Family accounts: a parent or a youth of 12 or older signs in to their own family's file, by invitation.

-- A user is either a professional of an organisation or a member of one family, never both.
ALTER TABLE users ALTER COLUMN organisation_id DROP NOT NULL;
ALTER TABLE users ADD COLUMN member_id uuid UNIQUE REFERENCES members(id);
ALTER TABLE users ADD COLUMN family_id uuid REFERENCES families(id);
ALTER TABLE users DROP CONSTRAINT users_roles_check;
ALTER TABLE users ADD CONSTRAINT users_roles_check CHECK (cardinality(roles) >= 1
  AND roles <@ ARRAY['admin','org-admin','professional','policy','privacy-officer','family']::text[]);
ALTER TABLE users ADD CONSTRAINT users_kind_check CHECK (
  CASE WHEN member_id IS NULL
    THEN organisation_id IS NOT NULL AND family_id IS NULL AND NOT ('family' = ANY (roles))
    ELSE organisation_id IS NULL AND family_id IS NOT NULL AND roles = ARRAY['family']::text[] END);
CREATE INDEX users_family_idx ON users (family_id) WHERE family_id IS NOT NULL;

-- The coordinator invites a member with a one-time code; only its SHA-256 is stored (the code has 60 random bits
-- and accepting it is rate-limited, so a slow hash adds nothing).
CREATE TABLE family_invitations (
  id uuid PRIMARY KEY,
  family_id uuid NOT NULL REFERENCES families(id),
  member_id uuid NOT NULL REFERENCES members(id),
  code_hash text NOT NULL UNIQUE,
  status text NOT NULL CHECK (status IN ('open', 'accepted', 'revoked')),
  expires_at timestamptz NOT NULL,
  created_by uuid NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  accepted_at timestamptz,
  user_id uuid REFERENCES users(id),
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users(id),
  version integer NOT NULL DEFAULT 1
);
CREATE INDEX family_invitations_family_idx ON family_invitations (family_id, created_at DESC);
-- One open invitation per member: a new one replaces the old.
CREATE UNIQUE INDEX family_invitations_open_idx ON family_invitations (member_id) WHERE status = 'open';

-- What the family writes itself (a goal in their own words, a comment) has a member as its author, no organisation.
ALTER TABLE goals ALTER COLUMN author_organisation_id DROP NOT NULL;
ALTER TABLE goals ADD COLUMN author_member_id uuid REFERENCES members(id);
ALTER TABLE goals ADD CONSTRAINT goals_author_check CHECK (num_nonnulls(author_organisation_id, author_member_id) = 1);
-- A timeline entry names the member who acted; when they changed an organisation's datum (marked an action done),
-- the entry keeps that organisation, so it is shared exactly as the datum is.
ALTER TABLE timeline_entries ALTER COLUMN author_organisation_id DROP NOT NULL;
ALTER TABLE timeline_entries ADD COLUMN author_member_id uuid REFERENCES members(id);
ALTER TABLE timeline_entries ADD CONSTRAINT timeline_author_check CHECK (num_nonnulls(author_organisation_id, author_member_id) >= 1);

-- A youth of 16 or older decides whether a parent sees their data: a consent can name a member as its recipient.
ALTER TABLE consents ALTER COLUMN organisation_id DROP NOT NULL;
ALTER TABLE consents ADD COLUMN recipient_member_id uuid REFERENCES members(id);
ALTER TABLE consents ADD CONSTRAINT consents_recipient_check CHECK (num_nonnulls(organisation_id, recipient_member_id) = 1);
CREATE INDEX consents_recipient_member_idx ON consents (family_id, recipient_member_id) WHERE status = 'active' AND recipient_member_id IS NOT NULL;
