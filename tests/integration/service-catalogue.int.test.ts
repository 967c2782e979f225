import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../../packages/server/src/platform/http/api-client';
import { hsdsValidators } from '../support/hsds-schemas';
import { makeFamily, makeOrganisation, makeUser, startTestApp, type TestApp } from '../support/test-app';

interface Service {
  id: string; name: string; organisation: { id: string; name: string }; lifeDomains: string[]; minimumAge: number | null; maximumAge: number | null;
  locations: { id: string; city: string; postalCode: string }[]; status: string; version: number; waitWeeks: number | null; referral: string;
}
type Person = Awaited<ReturnType<typeof makeUser>>;

const MST = {
  name: 'Multisysteemtherapie (MST)', description: 'Intensieve behandeling thuis bij ernstige gedragsproblemen van jongeren.',
  lifeDomains: ['socialisering', 'huiselijke-relaties'], minimumAge: 12, maximumAge: 18, referral: 'gp-or-local-team', needsMunicipalDecision: true,
  waitWeeks: 6, email: 'aanmelden@debrug.test', phone: '030 123 45 67', website: 'https://debrug.test/mst',
  njiRating: 'effectief-sterke-aanwijzingen', njiUrl: 'https://www.nji.nl/interventies/multisysteemtherapie',
  locations: [{ name: 'De Brug Utrecht', address: 'Brugstraat 12', postalCode: '3511ab', city: 'Utrecht' }],
};

/**
 * The service catalogue (issue 6): each organisation's admin describes what it offers; every professional searches it
 * by life domain, age, place and words, and can put a service forward as a help option; the whole catalogue is open
 * data in HSDS 3.0, checked against Open Referral's own schemas.
 */
describe('the service catalogue', () => {
  let t: TestApp;
  let brugAdmin: Person;
  let schuldAdmin: Person;
  let sanne: Person;
  let brugId: string;
  let schuldId: string;
  let mst: Service;

  beforeAll(async () => {
    t = await startTestApp();
    brugId = await makeOrganisation(t, 'specialist-jeugdhulp', 'De Brug');
    schuldId = await makeOrganisation(t, 'schuldhulp', 'Schuldhulp Utrecht');
    brugAdmin = await makeUser(t, brugId, ['org-admin'], 'Beheer De Brug');
    schuldAdmin = await makeUser(t, schuldId, ['org-admin'], 'Beheer Schuldhulp');
    sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Utrecht'), ['professional'], 'Sanne de Vries');
    mst = await brugAdmin.client.create<Service>(`/api/v1/organisations/${brugId}/services`, MST);
    for (const [name, lifeDomains, min, max, city, postalCode] of [
      ['Schuldhulptraject', ['financien'], 18, null, 'Utrecht', '3512 CD'],
      ['Budgetcursus', ['financien', 'organisatie-huishouden'], 16, null, 'Zeist', '3701 AA'],
      ['Telefonisch geldspreekuur', ['financien'], null, null, null, null],
    ] as const) {
      await schuldAdmin.client.create(`/api/v1/organisations/${schuldId}/services`, {
        name, lifeDomains, minimumAge: min, maximumAge: max, referral: 'self',
        locations: city ? [{ name: `Loket ${city}`, address: 'Marktplein 1', postalCode, city }] : [],
      });
    }
  });
  afterAll(async () => { await t?.close(); });

  it('lets an organisation’s admin describe its services, and nobody else', async () => {
    expect(mst).toMatchObject({
      organisation: { id: brugId, name: 'De Brug' }, minimumAge: 12, maximumAge: 18, waitWeeks: 6, status: 'active', version: 1,
      locations: [{ city: 'Utrecht', postalCode: '3511 AB' }],
    });
    const other = await schuldAdmin.client.post(`/api/v1/organisations/${brugId}/services`, { name: 'Nep', lifeDomains: ['financien'], referral: 'self' });
    expect(other.statusCode).toBe(404);
    const professional = await sanne.client.post(`/api/v1/organisations/${brugId}/services`, { name: 'Nep', lifeDomains: ['financien'], referral: 'self' });
    expect(professional.statusCode).toBe(403);
    expect((await t.admin.post(`/api/v1/organisations/${brugId}/services`, { name: 'Ouderavond', lifeDomains: ['socialisering'], referral: 'self' })).statusCode).toBe(201);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('event_type', '=', 'service.created').where('resource_id', '=', mst.id).execute();
    expect(audit).toMatchObject([{ user_id: brugAdmin.id, family_id: null, action: 'C' }]);
  });

  it('refuses what does not fit, per field', async () => {
    const url = `/api/v1/organisations/${brugId}/services`;
    const pointers = async (body: unknown, status: number, method: 'POST' | 'PATCH' = 'POST', path = url, version = 1) => {
      const res = method === 'POST' ? await brugAdmin.client.post(path, body) : await brugAdmin.client.patch(path, body, version);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      return ((res.json() as { errors?: { pointer: string }[] }).errors ?? []).map((e) => e.pointer);
    };
    expect(await pointers({ ...MST, locations: [{ ...MST.locations[0], postalCode: '0123 AB' }] }, 400)).toEqual(['/body/locations/0/postalCode']);
    expect(await pointers({ ...MST, minimumAge: 19 }, 400)).toEqual(['/body/maximumAge']);
    expect(await pointers({ ...MST, lifeDomains: ['geluk'] }, 422)).toEqual(['/body/lifeDomains']);
    expect(await pointers({ ...MST, website: 'javascript:alert(1)' }, 400)).toEqual(['/body/website']);
    // An update is held to the ages it ends up with: a new minimum above the stored maximum.
    expect(await pointers({ minimumAge: 20 }, 422, 'PATCH', `${url}/${mst.id}`, mst.version)).toEqual(['/body/maximumAge']);
  });

  it('changes a service with If-Match, and one no longer offered drops out of the search', async () => {
    const url = `/api/v1/organisations/${brugId}/services/${mst.id}`;
    const fresh = (await brugAdmin.client.get(`/api/v1/organisations/${brugId}/services`)).json() as { items: Service[] };
    const current = fresh.items.find((s) => s.id === mst.id)!;
    expect((await brugAdmin.client.patch(url, { waitWeeks: 4 }, current.version + 3)).statusCode).toBe(412);
    const changed = await brugAdmin.client.patch(url, { waitWeeks: 4, locations: [...MST.locations, { name: 'De Brug Zeist', address: 'Slotlaan 3', postalCode: '3701 GA', city: 'Zeist' }] }, current.version);
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ waitWeeks: 4, version: current.version + 1, locations: [{ city: 'Utrecht' }, { city: 'Zeist' }] });

    const ouderavond = ((await brugAdmin.client.get(`/api/v1/organisations/${brugId}/services`)).json() as { items: Service[] }).items.find((s) => s.name === 'Ouderavond')!;
    expect((await brugAdmin.client.patch(`/api/v1/organisations/${brugId}/services/${ouderavond.id}`, { status: 'inactive' }, ouderavond.version)).statusCode).toBe(200);
    const search = (await sanne.client.get('/api/v1/catalogue/search?lifeDomain=socialisering')).json() as { items: Service[] };
    expect(search.items.map((s) => s.name)).toEqual(['Multisysteemtherapie (MST)']);
    // Its own admin still sees it; others see what is offered.
    expect(((await brugAdmin.client.get(`/api/v1/organisations/${brugId}/services`)).json() as { items: Service[] }).items.map((s) => s.name)).toContain('Ouderavond');
    expect(((await sanne.client.get(`/api/v1/organisations/${brugId}/services`)).json() as { items: Service[] }).items.map((s) => s.name)).not.toContain('Ouderavond');
  });

  it('finds who can help: by life domain, the age of whom it is for, the place and words', async () => {
    const names = async (query: string) => ((await sanne.client.get(`/api/v1/catalogue/search?${query}`)).json() as { items: Service[] }).items.map((s) => s.name);
    expect(await names('lifeDomain=financien')).toEqual(['Budgetcursus', 'Schuldhulptraject', 'Telefonisch geldspreekuur']);
    expect(await names('lifeDomain=financien&age=17')).toEqual(['Budgetcursus', 'Telefonisch geldspreekuur']);
    expect(await names('age=13&lifeDomain=socialisering')).toEqual(['Multisysteemtherapie (MST)']);
    expect(await names('age=19&lifeDomain=socialisering')).toEqual([]);
    expect(await names('place=zei')).toEqual(['Budgetcursus', 'Multisysteemtherapie (MST)']);
    expect(await names('place=3512cd')).toEqual(['Schuldhulptraject']);
    expect(await names('place=3512')).toEqual(['Schuldhulptraject']);
    expect(await names('q=brug')).toEqual(['Multisysteemtherapie (MST)']);
    expect(await names('q=gedrag')).toEqual(['Multisysteemtherapie (MST)']);
    expect(await names('q=%25')).toEqual([]);
    // Paged by name, the cursor naming the last one shown.
    const first = (await sanne.client.get('/api/v1/catalogue/search?lifeDomain=financien&limit=2')).json() as { items: Service[]; nextCursor: string };
    expect(first.items.map((s) => s.name)).toEqual(['Budgetcursus', 'Schuldhulptraject']);
    const rest = (await sanne.client.get(`/api/v1/catalogue/search?lifeDomain=financien&limit=2&cursor=${first.nextCursor}`)).json() as { items: Service[]; nextCursor: null };
    expect(rest).toMatchObject({ items: [{ name: 'Telefonisch geldspreekuur' }], nextCursor: null });
    expect((await sanne.client.get('/api/v1/catalogue/search?age=-1')).statusCode).toBe(400);
  });

  it('puts a service forward as a help option for a goal, described as the catalogue has it', async () => {
    const family = await makeFamily(sanne.client);
    const base = `/api/v1/families/${family.id}`;
    const goal = await sanne.client.create(`${base}/goals`, { title: 'Rust over geld', lifeDomain: 'financien', memberIds: [family.parentId] });
    const traject = ((await sanne.client.get('/api/v1/catalogue/search?q=Schuldhulptraject')).json() as { items: Service[] }).items[0]!;
    const option = await sanne.client.create<{ title: string; service: Record<string, unknown> }>(`${base}/goals/${goal.id}/options`, { serviceId: traject.id, asksOfFamily: 'Alle post delen' });
    expect(option).toMatchObject({
      title: 'Schuldhulptraject', asksOfFamily: 'Alle post delen',
      service: { id: traject.id, name: 'Schuldhulptraject', organisationName: 'Schuldhulp Utrecht', referral: 'self', needsMunicipalDecision: false, status: 'active' },
    });
    const ouderavond = ((await t.admin.get(`/api/v1/organisations/${brugId}/services`)).json() as { items: Service[] }).items.find((s) => s.name === 'Ouderavond')!;
    const inactive = await sanne.client.post(`${base}/goals/${goal.id}/options`, { serviceId: ouderavond.id });
    expect(inactive.statusCode).toBe(422);
    expect((inactive.json() as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)).toEqual(['/body/serviceId']);
    expect((await sanne.client.post(`${base}/goals/${goal.id}/options`, {})).statusCode).toBe(400);
  });

  it('publishes the whole catalogue as open data in HSDS 3.0, valid against Open Referral’s schemas', async () => {
    const anonymous = new ApiClient(t.app);
    const res = await anonymous.get('/api/v1/catalogue/hsds');
    expect(res.statusCode, res.body).toBe(200);
    const hsds = res.json() as {
      hsds_version: string; organizations: object[]; locations: object[]; service_at_locations: object[];
      services: { id: string; attributes: { taxonomy_term: { code: string } }[]; service_at_locations: { location: object }[]; organization: object; minimum_age?: number; status: string }[];
    };
    expect(hsds.hsds_version).toBe('3.0');
    const validator = hsdsValidators();
    const problems: string[] = [];
    const check = (object: string, items: object[]) => {
      const validate = validator(object);
      for (const item of items) if (!validate(item)) problems.push(`${object}: ${JSON.stringify(validate.errors)}`);
    };
    check('organization', hsds.organizations);
    check('service', hsds.services);
    check('location', hsds.locations);
    check('service_at_location', hsds.service_at_locations);
    expect(problems).toEqual([]);
    expect(hsds.organizations.length).toBe(2);
    const mstOut = hsds.services.find((s) => s.id === mst.id)!;
    expect(mstOut).toMatchObject({ minimum_age: 12, maximum_age: 18, status: 'active', wait_time: '4 weken', email: 'aanmelden@debrug.test' });
    expect(mstOut.attributes.map((a) => a.taxonomy_term.code)).toEqual(['socialisering', 'huiselijke-relaties', 'effectief-sterke-aanwijzingen']);
    expect(mstOut.service_at_locations).toHaveLength(2);
    expect(hsds.services.find((s) => s.status === 'inactive')).toBeDefined();
    // The derived ids hold from one export to the next, so a consumer can follow the same terms over time.
    const again = (await anonymous.get('/api/v1/catalogue/hsds')).json() as typeof hsds;
    expect(again.services.find((s) => s.id === mst.id)!.attributes).toEqual(mstOut.attributes);
    // And a schema that is checked can fail: a service without its status is not HSDS.
    const withoutStatus: Record<string, unknown> = { ...mstOut };
    delete withoutStatus.status;
    expect(validator('service')(withoutStatus)).toBe(false);
  });
});
