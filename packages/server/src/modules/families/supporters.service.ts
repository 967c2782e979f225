import { v7 as uuidv7 } from 'uuid';
import type { CreateSupporter } from '@gezinsplan/domain';
import { professionalIn, type FamilyScope } from '../../platform/access/gate';
import { appendTimeline } from '../timeline';
import { touchFamily } from './members.service';

type SupporterRow = { id: string; family_id: string; name: string; relation: string; contact: string | null; version: number; author_organisation_id: string };
/** The informal network is identity data about the family as a whole. */
const supporterDatum = (r: SupporterRow) => ({ category: 'identity', authorOrganisationId: r.author_organisation_id, memberIds: [] });
const present = (r: SupporterRow) => ({ id: r.id, familyId: r.family_id, name: r.name, relation: r.relation, contact: r.contact, version: r.version });

export async function listSupporters(scope: FamilyScope) {
  const rows = await scope.db.selectFrom('supporters').selectAll().where('family_id', '=', scope.familyId).orderBy('id').execute();
  return { items: rows.filter((r) => scope.sight.sees(supporterDatum(r))).map(present), nextCursor: null };
}

export async function addSupporter(scope: FamilyScope, input: CreateSupporter) {
  const id = uuidv7();
  await scope.db.insertInto('supporters').values({
    id, family_id: scope.familyId, name: input.name, relation: input.relation, contact: input.contact ?? null,
    author_organisation_id: professionalIn(scope).organisationId, created_at: scope.now,
  }).execute();
  await appendTimeline(scope, { kind: 'member', event: 'supporter.added', data: { supporterId: id } });
  await touchFamily(scope);
  scope.audit.resourceId = id;
  return present(await scope.db.selectFrom('supporters').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
