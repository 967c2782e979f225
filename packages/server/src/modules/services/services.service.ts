import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CreateService, NjiRating, OrganisationKind, PageQuery, ReferralRoute, Service, ServiceLocationInput, UpdateService } from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import type { ServicesTable } from '../../platform/db/schema';
import type { RequestContext } from '../../platform/http/request-context';
import { AppError, notFound } from '../../platform/http/app-error';
import { assertVersion } from '../../platform/http/versioning';
import { decodeCursor, page } from '../../platform/http/cursor';
import { writeAudit } from '../../platform/audit/audit-writer';
import { assertLifeDomains } from '../catalogues';

export function selectServices(db: Db) {
  return db.selectFrom('services as s').innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .selectAll('s').select(['o.name as organisation_name', 'o.kind as organisation_kind']);
}
export type ServiceRow = Awaited<ReturnType<ReturnType<typeof selectServices>['execute']>>[number];
type LocationRow = { id: string; service_at_location_id: string; service_id: string; name: string; address: string; postal_code: string; city: string; position: number };

export async function locationsOf(db: Db, serviceIds: readonly string[]): Promise<LocationRow[]> {
  if (serviceIds.length === 0) return [];
  return db.selectFrom('service_locations').selectAll().where('service_id', 'in', [...serviceIds]).orderBy('service_id').orderBy('position').execute();
}

function present(s: ServiceRow, locations: LocationRow[]): Service {
  return {
    id: s.id, organisation: { id: s.organisation_id, name: s.organisation_name, kind: s.organisation_kind as OrganisationKind },
    name: s.name, description: s.description, lifeDomains: s.life_domains, minimumAge: s.minimum_age, maximumAge: s.maximum_age,
    referral: s.referral as ReferralRoute, needsMunicipalDecision: s.needs_municipal_decision, waitWeeks: s.wait_weeks,
    locations: locations.filter((l) => l.service_id === s.id).map((l) => ({ id: l.id, name: l.name, address: l.address, postalCode: l.postal_code, city: l.city })),
    email: s.email, phone: s.phone, website: s.website, njiRating: s.nji_rating as NjiRating | null, njiUrl: s.nji_url,
    status: s.status as Service['status'], version: s.version, updatedAt: new Date(s.updated_at).toISOString(),
  };
}

async function presentAll(db: Db, rows: ServiceRow[]): Promise<Service[]> {
  const locations = await locationsOf(db, rows.map((r) => r.id));
  return rows.map((r) => present(r, locations));
}

export async function getService(db: Db, id: string): Promise<Service | null> {
  const row = await selectServices(db).where('s.id', '=', id).executeTakeFirst();
  return row ? (await presentAll(db, [row]))[0]! : null;
}

/** An organisation's own admin describes its services; an admin may help any organisation with it. */
function assertManages(ctx: RequestContext, organisationId: string): void {
  const isAdmin = ctx.actor.roles.includes('admin');
  if (!isAdmin && !(ctx.actor.roles.includes('org-admin') && ctx.actor.organisationId === organisationId)) throw notFound();
}

async function replaceLocations(db: Db, serviceId: string, locations: readonly ServiceLocationInput[]): Promise<void> {
  await db.deleteFrom('service_locations').where('service_id', '=', serviceId).execute();
  if (locations.length === 0) return;
  await db.insertInto('service_locations').values(locations.map((l, position) => ({
    id: uuidv7(), service_at_location_id: uuidv7(), service_id: serviceId, name: l.name, address: l.address, postal_code: l.postalCode, city: l.city, position,
  }))).execute();
}

const auditService = (ctx: RequestContext, db: Db, action: 'C' | 'U', id: string, fields: string[]) => writeAudit(db, [{
  action, eventType: action === 'C' ? 'service.created' : 'service.updated', outcome: 'success', actor: ctx.actor, familyId: null,
  resourceType: 'service', resourceId: id, accessPoint: ctx.accessPoint, purpose: 'administration',
  checks: { authorisation: true, careRelationship: false, consent: false, emergency: false }, detail: { fields },
}], ctx.now);

export async function createService(ctx: RequestContext, organisationId: string, input: CreateService): Promise<Service> {
  assertManages(ctx, organisationId);
  const id = uuidv7();
  await ctx.db.transaction().execute(async (tx) => {
    const org = await tx.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst();
    if (!org) throw notFound();
    await assertLifeDomains(tx, input.lifeDomains, '/body/lifeDomains');
    await tx.insertInto('services').values({
      id, organisation_id: organisationId, name: input.name, description: input.description, life_domains: input.lifeDomains,
      minimum_age: input.minimumAge, maximum_age: input.maximumAge, referral: input.referral, needs_municipal_decision: input.needsMunicipalDecision,
      wait_weeks: input.waitWeeks, email: input.email, phone: input.phone, website: input.website, nji_rating: input.njiRating, nji_url: input.njiUrl,
      status: input.status, created_at: ctx.now, updated_at: ctx.now,
    }).execute();
    await replaceLocations(tx, id, input.locations);
    await auditService(ctx, tx, 'C', id, []);
  });
  return (await getService(ctx.db, id))!;
}

const columnOf: Record<Exclude<keyof UpdateService, 'locations'>, keyof ServicesTable> = {
  name: 'name', description: 'description', lifeDomains: 'life_domains', minimumAge: 'minimum_age', maximumAge: 'maximum_age', referral: 'referral',
  needsMunicipalDecision: 'needs_municipal_decision', waitWeeks: 'wait_weeks', email: 'email', phone: 'phone', website: 'website',
  njiRating: 'nji_rating', njiUrl: 'nji_url', status: 'status',
};

export async function updateService(ctx: RequestContext, organisationId: string, serviceId: string, expectedVersion: number | null, input: UpdateService): Promise<Service> {
  assertManages(ctx, organisationId);
  await ctx.db.transaction().execute(async (tx) => {
    const current = assertVersion(
      await tx.selectFrom('services').selectAll().where('id', '=', serviceId).where('organisation_id', '=', organisationId).forUpdate().executeTakeFirst(),
      expectedVersion,
    );
    if (input.lifeDomains) await assertLifeDomains(tx, input.lifeDomains, '/body/lifeDomains');
    const minimumAge = input.minimumAge === undefined ? current.minimum_age : input.minimumAge;
    const maximumAge = input.maximumAge === undefined ? current.maximum_age : input.maximumAge;
    if (minimumAge !== null && maximumAge !== null && minimumAge > maximumAge) {
      throw new AppError('UNPROCESSABLE', 'The minimum age is not above the maximum.', [{ pointer: '/body/maximumAge', detail: 'below the minimum age' }]);
    }
    const changes = Object.fromEntries(Object.entries(input).filter(([k, v]) => k !== 'locations' && v !== undefined)
      .map(([k, v]) => [columnOf[k as keyof typeof columnOf], v]));
    await tx.updateTable('services').set({ ...changes, version: current.version + 1, updated_at: ctx.now }).where('id', '=', serviceId).execute();
    if (input.locations) await replaceLocations(tx, serviceId, input.locations);
    await auditService(ctx, tx, 'U', serviceId, Object.keys(input));
  });
  return (await getService(ctx.db, serviceId))!;
}

/** The services of one organisation, by name (its own admins also see those no longer offered). */
export async function listOrganisationServices(ctx: RequestContext, organisationId: string, query: PageQuery) {
  const org = await ctx.db.selectFrom('organisations').select('id').where('id', '=', organisationId).executeTakeFirst();
  if (!org) throw notFound();
  let q = selectServices(ctx.db).where('s.organisation_id', '=', organisationId);
  const manages = ctx.actor.roles.includes('admin') || (ctx.actor.roles.includes('org-admin') && ctx.actor.organisationId === organisationId);
  if (!manages) q = q.where('s.status', '=', 'active');
  return pageByName(ctx.db, q, query);
}

/**
 * "Who can help with this?": active services for a life domain, for someone of this age, offered in a place (a city
 * or a postal code's start), matching words in the name, the description or the organisation's name.
 *
 * EXPLAIN (PostgreSQL 15): the life-domain filter uses services_life_domains_idx (GIN, `= any` rewritten as `@>`);
 * a region's catalogue is hundreds to a few thousand services, so the rest is a filter on those rows.
 */
export async function searchCatalogue(ctx: RequestContext, query: PageQuery & { lifeDomain?: string; age?: number; place?: string; q?: string; organisationId?: string }) {
  const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let q = selectServices(ctx.db).where('s.status', '=', 'active');
  if (query.lifeDomain) q = q.where(sql<boolean>`s.life_domains @> array[${query.lifeDomain}]::text[]`);
  if (query.age !== undefined) {
    const age = query.age;
    q = q.where((eb) => eb.and([
      eb.or([eb('s.minimum_age', 'is', null), eb('s.minimum_age', '<=', age)]),
      eb.or([eb('s.maximum_age', 'is', null), eb('s.maximum_age', '>=', age)]),
    ]));
  }
  if (query.place) {
    const place = query.place.replace(/[\\%_]/g, (c) => `\\${c}`);
    q = q.where((eb) => eb.exists(eb.selectFrom('service_locations as l').select('l.id').whereRef('l.service_id', '=', 's.id')
      .where((w) => w.or([w('l.city', 'ilike', `${place}%`), w(sql`replace(l.postal_code, ' ', '')`, 'ilike', `${place.replace(/\s+/g, '')}%`)]))));
  }
  if (query.q) {
    const words = like(query.q);
    q = q.where((eb) => eb.or([eb('s.name', 'ilike', words), eb('s.description', 'ilike', words), eb('o.name', 'ilike', words)]));
  }
  if (query.organisationId) q = q.where('s.organisation_id', '=', query.organisationId);
  return pageByName(ctx.db, q, query);
}

type ServiceQuery = ReturnType<typeof selectServices>;

async function pageByName(db: Db, q: ServiceQuery, query: PageQuery) {
  const after = decodeCursor(query.cursor, ['text', 'uuid'] as const);
  if (after) q = q.where(sql<boolean>`(lower(s.name), s.id) > (${after[0]}, ${after[1]}::uuid)`);
  const rows = await q.orderBy(sql`lower(s.name)`).orderBy('s.id').limit(query.limit + 1).execute();
  const result = page(rows, query.limit, (last) => [last.name.toLowerCase(), last.id]);
  return { items: await presentAll(db, result.items), nextCursor: result.nextCursor };
}
