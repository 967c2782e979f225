import { v7 as uuidv7 } from 'uuid';
import { organisationKinds } from '@gezinsplan/domain';
import type { Db } from '../packages/server/src/platform/db/database';
import { hashPassword } from '../packages/server/src/platform/auth/passwords';

export interface GeneratedRegion {
  professionals: { id: string; email: string }[];
  familiesByCoordinator: Map<string, string[]>;
  password: string;
}

const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insertChunked1(rows.slice(i, i + CHUNK), insert);
}
async function insertChunked1<T>(chunk: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  if (chunk.length) await insert(chunk);
}

/**
 * Fills a database with a region's worth of families straight through SQL (not the API: this is bulk data for
 * measuring, not a story). Each family has members, a coordinator and two other team members, goals and actions.
 */
export async function generateRegion(db: Db, opts: { families: number; professionals: number }): Promise<GeneratedRegion> {
  const password = 'bench-password-long-enough';
  const passwordHash = await hashPassword(password);
  const orgs = organisationKinds.map((kind, i) => ({ id: uuidv7(), name: `Bench ${kind} ${i}`, kind }));
  await db.insertInto('organisations').values(orgs).execute();
  const professionals = Array.from({ length: opts.professionals }, (_, i) => ({
    id: uuidv7(), organisation_id: orgs[i % orgs.length]!.id, email: `pro${i}@bench.test`, name: `Professional ${i}`,
    password_hash: passwordHash, roles: ['professional'],
  }));
  await insertChunked(professionals, (c) => db.insertInto('users').values(c).execute());

  const familiesByCoordinator = new Map<string, string[]>();
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  const families = [], plans = [], members = [], team = [], goals = [], actions = [];
  const domains = ['financien', 'huisvesting', 'geestelijke-gezondheid', 'scholing', 'huiselijke-relaties'];
  for (let f = 0; f < opts.families; f++) {
    const familyId = uuidv7();
    const planId = uuidv7();
    const coordinator = professionals[f % professionals.length]!;
    const others = [professionals[(f * 7 + 1) % professionals.length]!, professionals[(f * 13 + 2) % professionals.length]!]
      .filter((p) => p.id !== coordinator.id);
    familiesByCoordinator.set(coordinator.id, [...(familiesByCoordinator.get(coordinator.id) ?? []), familyId]);
    families.push({ id: familyId, name: `Gezin ${f}`, phase: 'uitvoering', created_by: coordinator.id, organisation_id: coordinator.organisation_id, created_at: now, updated_at: now });
    plans.push({ id: planId, family_id: familyId, updated_at: now });
    const parent = uuidv7();
    members.push(
      { id: parent, family_id: familyId, given_name: 'Ouder', family_name: `F${f}`, birth_date: '1985-01-01', role: 'parent', has_custody: true, bsn: null, author_organisation_id: coordinator.organisation_id, created_at: now, updated_at: now },
      { id: uuidv7(), family_id: familyId, given_name: 'Kind', family_name: `F${f}`, birth_date: '2014-01-01', role: 'child', has_custody: false, bsn: null, author_organisation_id: coordinator.organisation_id, created_at: now, updated_at: now },
    );
    team.push({ id: uuidv7(), family_id: familyId, user_id: coordinator.id, role: 'coordinator', life_domains: [], responsibility: '', start_date: today, author_organisation_id: coordinator.organisation_id, created_at: now });
    for (const o of new Set(others)) {
      team.push({ id: uuidv7(), family_id: familyId, user_id: o.id, role: 'member', life_domains: ['financien'], responsibility: 'Hulp', start_date: today, author_organisation_id: coordinator.organisation_id, created_at: now });
    }
    for (let g = 0; g < 3; g++) {
      const goalId = uuidv7();
      goals.push({
        id: goalId, family_id: familyId, plan_id: planId, title: `Doel ${g}`, life_domain: domains[(f + g) % domains.length]!, member_ids: [parent],
        focus: g === 0 ? 'now' : 'later', priority: g + 1, owner_member_id: parent, owner_user_id: null,
        author_user_id: coordinator.id, author_organisation_id: coordinator.organisation_id, created_at: now, updated_at: now,
      });
      for (let a = 0; a < 2; a++) {
        actions.push({
          id: uuidv7(), family_id: familyId, goal_id: goalId, title: `Actie ${a}`, due_date: today, assignee_user_id: a === 0 ? coordinator.id : null,
          assignee_member_id: a === 0 ? null : parent, assignee_supporter_id: null, author_user_id: coordinator.id,
          author_organisation_id: coordinator.organisation_id, created_at: now, updated_at: now,
        });
      }
    }
  }
  await insertChunked(families, (c) => db.insertInto('families').values(c).execute());
  await insertChunked(plans, (c) => db.insertInto('plans').values(c).execute());
  await insertChunked(members, (c) => db.insertInto('members').values(c).execute());
  await insertChunked(team, (c) => db.insertInto('team_members').values(c).execute());
  await insertChunked(goals, (c) => db.insertInto('goals').values(c).execute());
  await insertChunked(actions, (c) => db.insertInto('actions').values(c).execute());
  return { professionals: professionals.map((p) => ({ id: p.id, email: p.email })), familiesByCoordinator, password };
}
