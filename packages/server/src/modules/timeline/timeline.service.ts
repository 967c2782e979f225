import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { CreateNote, PageQuery, TimelineEntry } from '@gezinsplan/domain';
import { authorColumns, type FamilyScope } from '../../platform/access/gate';
import type { Db } from '../../platform/db/database';
import type { Sight } from '../../platform/access/sight';
import { decodeCursor, filteredPage, olderThan } from '../../platform/http/cursor';
import { assertMembersOfFamily } from '../families';
import { assertLifeDomain } from '../catalogues';

export type TimelineKind = 'note' | 'family' | 'member' | 'team' | 'plan';

export interface TimelineAppend {
  kind: TimelineKind;
  event: string;
  /** Ids and codes that let a reader follow the change; the entry itself is family data, like the plan. */
  data?: Record<string, unknown>;
  body?: string | null;
  lifeDomain?: string | null;
  /** The members the entry is about; none: the family as a whole. */
  memberIds?: readonly string[];
  /**
   * When a family member changes an organisation's datum (marks its action done), that organisation: the entry is
   * then shared as the datum is, not as something the family wrote itself.
   */
  dataOrganisationId?: string | null;
}

/** An entry's data category: a note or plan change in a life domain belongs to it; the rest by its kind. */
function categoryOf(entry: TimelineAppend): string {
  if (entry.lifeDomain) return entry.lifeDomain;
  switch (entry.kind) {
    case 'family': case 'member': return 'identity';
    case 'team': return 'team';
    case 'plan': return 'plan-overview';
    case 'note': return 'unshared';
  }
}

type Author = { author_user_id: string | null; author_organisation_id: string | null; author_member_id: string | null };

async function insertEntry(db: Db, familyId: string, entry: TimelineAppend, author: Author, now: Date): Promise<string> {
  const id = uuidv7();
  await db.insertInto('timeline_entries').values({
    id, family_id: familyId, kind: entry.kind, event: entry.event, body: entry.body ?? null,
    data: JSON.stringify(entry.data ?? {}), life_domain: entry.lifeDomain ?? null, category: categoryOf(entry), member_ids: [...(entry.memberIds ?? [])],
    ...author, created_at: now,
  }).execute();
  return id;
}

/** Records what happened in the family's file, in the same transaction as the change itself. */
export async function appendTimeline(scope: Pick<FamilyScope, 'db' | 'familyId' | 'actor' | 'now'>, entry: TimelineAppend): Promise<string> {
  return insertEntry(scope.db, scope.familyId, entry, {
    ...authorColumns(scope), ...(scope.actor.kind === 'family' && entry.dataOrganisationId ? { author_organisation_id: entry.dataOrganisationId } : {}),
  }, scope.now);
}

/**
 * Records what Gezinsplan itself noticed in a family's file (a signal), with no person as its author: the entry is
 * shared as data of `organisationId` (the file's coordinator's organisation), in the transaction of the change.
 */
export async function appendSystemTimeline(db: Db, familyId: string, organisationId: string, entry: Omit<TimelineAppend, 'dataOrganisationId'>, now: Date): Promise<string> {
  return insertEntry(db, familyId, entry, { author_user_id: null, author_organisation_id: organisationId, author_member_id: null }, now);
}

export async function addNote(scope: FamilyScope, input: CreateNote): Promise<TimelineEntry> {
  await assertLifeDomain(scope.db, input.lifeDomain, '/body/lifeDomain');
  await assertMembersOfFamily(scope.db, scope.familyId, input.memberIds, '/body/memberIds');
  const id = await appendTimeline(scope, { kind: 'note', event: 'note', body: input.body, lifeDomain: input.lifeDomain, memberIds: input.memberIds });
  await scope.db.updateTable('families').set({ updated_at: scope.now }).where('id', '=', scope.familyId).execute();
  scope.audit.resourceId = id;
  return (await selectEntries(scope.db, scope.familyId).where('t.id', '=', id).execute()).map(present)[0]!;
}

const entryDatum = (r: Pick<EntryRow, 'category' | 'author_organisation_id' | 'author_member_id' | 'member_ids'>) =>
  ({ category: r.category, authorOrganisationId: r.author_organisation_id, authorMemberId: r.author_member_id, memberIds: r.member_ids });

/** A count of what changed stops here: past it, the caseload says "50 or more". */
export const CHANGES_COUNTED_UP_TO = 50;

/**
 * Per family, how many entries someone else added since `since(familyId)` that the viewer may see (up to
 * CHANGES_COUNTED_UP_TO): what changed since their last visit. Hidden entries do not count, so the number tells
 * nothing the timeline itself would not show.
 */
export async function countChangesSince(db: Db, viewer: { userId: string; sight: (familyId: string) => Sight | undefined }, since: Map<string, Date>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (since.size === 0) return counts;
  const recent = db.selectFrom('timeline_entries')
    .select(['family_id', 'category', 'author_organisation_id', 'author_member_id', 'member_ids',
      sql<number>`row_number() over (partition by family_id order by created_at desc)`.as('rank')])
    .where((eb) => eb.or([...since].map(([familyId, after]) => eb.and([eb('family_id', '=', familyId), eb('created_at', '>', after)]))))
    .where((eb) => eb.or([eb('author_user_id', 'is', null), eb('author_user_id', '<>', viewer.userId)]));
  const rows = await db.selectFrom(recent.as('r')).selectAll().where('r.rank', '<=', CHANGES_COUNTED_UP_TO).execute();
  for (const r of rows) {
    if (viewer.sight(r.family_id)?.sees(entryDatum(r))) counts.set(r.family_id, (counts.get(r.family_id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Newest first, only the entries the reader may see; the cursor is the (time, id) of the last entry shown. Pages are
 * filled past hidden entries, so neither a page's length nor its cursor tells that something was left out.
 */
export async function listTimeline(scope: FamilyScope, query: PageQuery) {
  const result = await filteredPage({
    limit: query.limit,
    start: decodeCursor(query.cursor, ['timestamp', 'uuid'] as const),
    fetch: (after, n) => {
      let q = selectEntries(scope.db, scope.familyId);
      if (after) q = q.where(olderThan('t.created_at', 't.id', after));
      return q.orderBy('t.created_at', 'desc').orderBy('t.id', 'desc').limit(n).execute();
    },
    keep: (r) => scope.sight.sees(entryDatum(r)),
    keyOf: (r) => [new Date(r.created_at).toISOString(), r.id],
  });
  return { items: result.items.map(present), nextCursor: result.nextCursor };
}

function selectEntries(db: Db, familyId: string) {
  return db.selectFrom('timeline_entries as t')
    .leftJoin('users as u', 'u.id', 't.author_user_id')
    .leftJoin('organisations as o', 'o.id', 't.author_organisation_id')
    .select(['t.id', 't.family_id', 't.kind', 't.event', 't.body', 't.data', 't.life_domain', 't.category', 't.member_ids',
      't.author_organisation_id', 't.author_member_id', 't.created_at',
      't.author_user_id', 'u.name as author_name', 'o.name as author_organisation_name'])
    .where('t.family_id', '=', familyId);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof selectEntries>['execute']>>[number];

function present(r: EntryRow): TimelineEntry {
  return {
    id: r.id, familyId: r.family_id, kind: r.kind as TimelineEntry['kind'], event: r.event, body: r.body,
    data: r.data, lifeDomain: r.life_domain, category: r.category, memberIds: r.member_ids,
    author: r.author_user_id
      ? { userId: r.author_user_id, name: r.author_name ?? '', memberId: r.author_member_id,
        // A family member speaks for themselves, not for the organisation whose datum they touched.
        organisationName: r.author_member_id ? null : r.author_organisation_name ?? '' }
      : null,
    createdAt: new Date(r.created_at).toISOString(),
  };
}
