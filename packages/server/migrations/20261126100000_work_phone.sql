-- A professional's work phone: on the family's plan under "who to call". Optional; never a private number.
ALTER TABLE users ADD COLUMN phone text;
