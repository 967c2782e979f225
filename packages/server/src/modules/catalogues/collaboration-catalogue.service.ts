import { sql } from 'kysely';
import {
  defaultCollaborationCatalogue, type CollaborationCatalogue, type CollaborationComponent, type PublishedCollaborationCatalogue,
} from '@gezinsplan/domain';
import type { Db } from '../../platform/db/database';
import type { RequestContext } from '../../platform/http/request-context';
import { AppError, notFound } from '../../platform/http/app-error';
import { writeAudit } from '../../platform/audit/audit-writer';

type Row = { version: string; name: string; components: unknown[]; published_at: Date };

const fromRow = (r: Row, current: boolean): PublishedCollaborationCatalogue => ({
  version: r.version, name: r.name, components: r.components as CollaborationComponent[], publishedAt: new Date(r.published_at).toISOString(), current,
});
const builtIn = (current: boolean): PublishedCollaborationCatalogue => ({ ...defaultCollaborationCatalogue, publishedAt: null, current });

/**
 * The collaboration components in use: the latest catalogue an admin published, or the built-in default (Nooteboom
 * et al. 2020's twelve elements) while none has been.
 */
export async function currentCollaborationCatalogue(db: Db): Promise<PublishedCollaborationCatalogue> {
  const latest = await db.selectFrom('collaboration_catalogues').selectAll().orderBy('published_at', 'desc').orderBy('version', 'desc').executeTakeFirst();
  return latest ? fromRow(latest, true) : builtIn(true);
}

/** One version, current or not: old evaluations keep being read against the catalogue they were held under. */
export async function collaborationCatalogue(db: Db, version: string): Promise<PublishedCollaborationCatalogue | null> {
  const current = await currentCollaborationCatalogue(db);
  if (current.version === version) return current;
  const row = await db.selectFrom('collaboration_catalogues').selectAll().where('version', '=', version).executeTakeFirst();
  if (row) return fromRow(row, false);
  return version === defaultCollaborationCatalogue.version ? builtIn(false) : null;
}

export async function getCollaborationCatalogue(db: Db, version: string | undefined): Promise<PublishedCollaborationCatalogue> {
  const catalogue = version === undefined ? await currentCollaborationCatalogue(db) : await collaborationCatalogue(db, version);
  if (!catalogue) throw notFound();
  return catalogue;
}

/** Every version ever in use, newest first, ending with the built-in default. */
export async function listCollaborationCatalogues(db: Db): Promise<{ items: PublishedCollaborationCatalogue[]; nextCursor: null }> {
  const rows = await db.selectFrom('collaboration_catalogues').selectAll().orderBy('published_at', 'desc').orderBy('version', 'desc').execute();
  const items = rows.map((r, i) => fromRow(r, i === 0));
  if (!rows.some((r) => r.version === defaultCollaborationCatalogue.version)) items.push(builtIn(rows.length === 0));
  return { items, nextCursor: null };
}

/**
 * Replaces the checklist from now on (an admin: e.g. with the dissertation's own twelve once obtained). A version
 * name is used once, so an evaluation's version always names the list it was held under.
 */
export async function publishCollaborationCatalogue(ctx: RequestContext, input: CollaborationCatalogue): Promise<PublishedCollaborationCatalogue> {
  await ctx.db.transaction().execute(async (tx) => {
    // One publication at a time, so "the latest" is well defined and a version cannot be taken twice.
    await sql`select pg_advisory_xact_lock(hashtext('collaboration_catalogues'))`.execute(tx);
    const taken = input.version === defaultCollaborationCatalogue.version
      || await tx.selectFrom('collaboration_catalogues').select('version').where('version', '=', input.version).executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', 'This version was published before; give the new catalogue a version of its own.', [{ pointer: '/body/version', detail: 'already in use' }]);
    await tx.insertInto('collaboration_catalogues').values({
      version: input.version, name: input.name, components: JSON.stringify(input.components), published_by: ctx.actor.userId, published_at: ctx.now,
    }).execute();
    await writeAudit(tx, [{
      action: 'C', eventType: 'collaboration-catalogue.published', outcome: 'success', actor: ctx.actor, familyId: null,
      resourceType: 'collaboration-catalogue', resourceId: null, accessPoint: ctx.accessPoint, purpose: 'administration',
      checks: { authorisation: true, careRelationship: false, consent: false, emergency: false },
      detail: { version: input.version, components: input.components.length },
    }], ctx.now);
  });
  return (await collaborationCatalogue(ctx.db, input.version))!;
}
