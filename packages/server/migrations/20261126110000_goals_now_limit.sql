-- How many goals a family works on at once ("Nu aan werken"), set by the organisation that registered the family.
-- Not everything at once: three by default, as the research behind the product advises.
ALTER TABLE organisations ADD COLUMN max_goals_now integer NOT NULL DEFAULT 3 CHECK (max_goals_now BETWEEN 1 AND 10);
