import { sql, type Expression, type SqlBool } from 'kysely';
import type { RequestContext } from '../../platform/http/request-context';

/**
 * What a privacy officer oversees, as a condition on a row with an organisation column and a family column: what
 * their own organisation's people did, and everything in the files of the families their organisation registered or
 * helps (or helped). An officer of an organisation that was never involved sees none of it.
 */
export function overseen(ctx: Pick<RequestContext, 'actor'>, organisationColumn: string, familyColumn: string): Expression<SqlBool> {
  const org = ctx.actor.organisationId;
  return sql<SqlBool>`(${sql.ref(organisationColumn)} = ${org} or ${sql.ref(familyColumn)} in (
    select f.id from families f where f.organisation_id = ${org}
    union select tm.family_id from team_members tm join users u on u.id = tm.user_id where u.organisation_id = ${org}))`;
}
