import { defaultLifeDomains, fixedCategories } from '@gezinsplan/domain';
import type { ApiClient } from '../../packages/server/src/platform/http/api-client';
import { makeUser, type TestApp } from './test-app';

/** Every data category there is: the fixed ones and every life domain of the catalogue. */
export const ALL_CATEGORIES = [...fixedCategories, ...defaultLifeDomains.map((d) => d.code)];

/** Two organisations agree to share `categories` (proposed by an org-admin of one, accepted by one of the other). */
export async function makeCovenant(t: TestApp, a: string, b: string, categories: readonly string[] = ALL_CATEGORIES): Promise<string> {
  const proposer = await makeUser(t, a, ['org-admin'], 'Beheerder A');
  const partner = await makeUser(t, b, ['org-admin'], 'Beheerder B');
  const covenant = await proposer.client.create<{ id: string; version: number }>('/api/v1/covenants', {
    partnerOrganisationId: b, categories, purpose: 'Samenwerken in de gezinsaanpak',
  });
  const accepted = await partner.client.post(`/api/v1/covenants/${covenant.id}/accept`);
  if (accepted.statusCode !== 200) throw new Error(`covenant not accepted: ${accepted.body}`);
  return covenant.id;
}

/**
 * The family consents that `organisationId` sees `categories` about each member, with the agreement the law asks
 * for at any age: the member themselves and the parent with gezag.
 */
export async function consentFor(coordinator: ApiClient, familyId: string, organisationId: string, opts: {
  memberIds: string[]; parentId: string; categories?: readonly string[];
}): Promise<string[]> {
  const ids: string[] = [];
  for (const memberId of opts.memberIds) {
    const givenBy = [...new Set([opts.parentId, memberId])];
    const consent = await coordinator.create<{ id: string }>(`/api/v1/families/${familyId}/consents`, {
      memberId, organisationId, categories: opts.categories ?? ALL_CATEGORIES, purpose: 'Samen werken aan het gezinsplan', givenBy,
    });
    ids.push(consent.id);
  }
  return ids;
}

const covenanted = new WeakMap<TestApp, Set<string>>();

/** A covenant over every category between each pair of these organisations, made once per test app. */
export async function ensureCovenants(t: TestApp, organisationIds: readonly string[]): Promise<void> {
  const done = covenanted.get(t) ?? new Set<string>();
  covenanted.set(t, done);
  const orgs = [...new Set(organisationIds)].sort();
  for (const [i, a] of orgs.entries()) {
    for (const b of orgs.slice(i + 1)) {
      if (done.has(`${a}|${b}`)) continue;
      done.add(`${a}|${b}`);
      await makeCovenant(t, a, b);
    }
  }
}

/**
 * The usual test family (a parent and a 13-year-old) shares everything among its coordinator's organisation and
 * `organisationIds`: for tests about something else than consent, where every team member should see all.
 */
export async function shareFamily(t: TestApp, coordinator: { client: ApiClient; organisationId: string }, family: { id: string; parentId: string; childId: string }, organisationIds: readonly string[]): Promise<void> {
  const orgs = [...new Set([coordinator.organisationId, ...organisationIds])];
  await ensureCovenants(t, orgs);
  for (const org of orgs) await consentFor(coordinator.client, family.id, org, { parentId: family.parentId, memberIds: [family.parentId, family.childId] });
}
