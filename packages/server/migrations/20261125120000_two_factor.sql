-- Two-factor sign-in (TOTP, RFC 6238) with one-time recovery codes.

-- The secret an authenticator app shares with us; a code's time step is kept so each code counts only once.
-- The secret is stored as is: anyone who can read this table can read the audit log and the files too, and the
-- database is the thing protected (disk encryption, access). The recovery codes are hashed like passwords.
ALTER TABLE users ADD COLUMN totp_secret text;
ALTER TABLE users ADD COLUMN totp_pending_secret text;
ALTER TABLE users ADD COLUMN totp_enabled_at timestamptz;
ALTER TABLE users ADD COLUMN totp_last_step integer;
ALTER TABLE users ADD COLUMN second_factor_failures integer NOT NULL DEFAULT 0;

CREATE TABLE recovery_codes (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id),
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX recovery_codes_user_idx ON recovery_codes (user_id) WHERE used_at IS NULL;

ALTER TABLE organisations ADD COLUMN require_two_factor boolean NOT NULL DEFAULT false;

-- A session signed in with a password alone waits for the second factor (or its set-up) before it opens the API.
ALTER TABLE sessions ADD COLUMN second_factor text NOT NULL DEFAULT 'not-needed'
  CHECK (second_factor IN ('not-needed', 'pending', 'enrolment-required', 'verified'));
