-- The service catalogue (issue 6): what each organisation offers, modelled on Open Referral HSDS 3.0, with the Dutch
-- fields HSDS lacks (who may refer, a municipal decision, the NJi databank rating). Not family data: every
-- professional may read it, and it is published as open data (GET /api/v1/catalogue/hsds).
CREATE TABLE services (
  id uuid PRIMARY KEY,
  organisation_id uuid NOT NULL REFERENCES organisations(id),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  life_domains text[] NOT NULL CHECK (cardinality(life_domains) >= 1),
  minimum_age integer CHECK (minimum_age BETWEEN 0 AND 120),
  maximum_age integer CHECK (maximum_age BETWEEN 0 AND 120),
  referral text NOT NULL CHECK (referral IN ('self', 'any-professional', 'local-team', 'gp-or-local-team')),
  needs_municipal_decision boolean NOT NULL DEFAULT false,
  wait_weeks integer CHECK (wait_weeks BETWEEN 0 AND 104),
  email text,
  phone text,
  website text,
  nji_rating text CHECK (nji_rating IN ('goed-onderbouwd', 'effectief-eerste-aanwijzingen', 'effectief-goede-aanwijzingen', 'effectief-sterke-aanwijzingen')),
  nji_url text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age)
);
CREATE INDEX services_organisation_idx ON services (organisation_id, name, id);
-- "Who can help with this?": services by life domain.
CREATE INDEX services_life_domains_idx ON services USING gin (life_domains);

-- Where a service is offered. In HSDS each row is both a location and the service_at_location linking it.
CREATE TABLE service_locations (
  id uuid PRIMARY KEY,
  service_at_location_id uuid NOT NULL UNIQUE,
  service_id uuid NOT NULL REFERENCES services(id),
  name text NOT NULL,
  address text NOT NULL,
  postal_code text NOT NULL,
  city text NOT NULL,
  position integer NOT NULL
);
CREATE INDEX service_locations_service_idx ON service_locations (service_id, position);

-- A help option for a goal may be a service from the catalogue.
ALTER TABLE help_options ADD COLUMN service_id uuid REFERENCES services(id);
