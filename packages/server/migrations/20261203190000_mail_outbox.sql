-- Notifications by e-mail: each user's choice, a durable outbox written in the transaction of the change, and a key
-- that lets the daily sweep notify about one item once.

-- How a user wants to hear about notifications by e-mail. No row: 'immediate'.
CREATE TABLE notification_preferences (
  user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  mail text NOT NULL CHECK (mail IN ('immediate', 'daily-digest', 'off')),
  updated_at timestamptz NOT NULL
);

-- The sweep's notifications ("due tomorrow", "overdue", "evaluation due") carry a key, so a second run adds nothing.
-- NULLs are distinct, so notifications without a key are not limited.
ALTER TABLE notifications ADD COLUMN once_key text;
CREATE UNIQUE INDEX notifications_once_idx ON notifications (user_id, once_key);
-- The unread count in the header.
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

-- Mail waiting to be sent, being retried, or sent. Bodies are generic ("there is something new for you in
-- Gezinsplan", a link): no family names, no BSN, no note text. The address is looked up when sending.
CREATE TABLE mail_outbox (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('notification', 'digest')),
  -- One mail per notification; gone with it when a family's file is destroyed.
  notification_id uuid UNIQUE REFERENCES notifications(id) ON DELETE CASCADE,
  -- One digest per user per Dutch calendar day: the key that keeps a digest from being composed or sent twice.
  digest_day date,
  subject text,
  body text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'no-server')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- An error code from the mail server or the network, never an address or a message text.
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  CHECK ((kind = 'notification' AND notification_id IS NOT NULL AND digest_day IS NULL)
      OR (kind = 'digest' AND digest_day IS NOT NULL AND notification_id IS NULL))
);
CREATE UNIQUE INDEX mail_outbox_digest_idx ON mail_outbox (user_id, digest_day);
-- The sender's question: what is due now.
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_created_idx ON mail_outbox (created_at DESC, id DESC);
