import type { Insertable } from 'kysely';
import { experienceQuestions, type OrganisationKind } from '@gezinsplan/domain';
import type { Database } from '../../packages/server/src/platform/db/schema';
import { auditHash, GENESIS_HASH, type HashedFields } from '../../packages/server/src/platform/audit/audit-hash';
import { CopyBuffer, type CopyBatch, type CopySink } from './copy';
import { IdSequence, Random } from './random';
import {
  actionTitles, coordinatorKinds, givenNames, goalTitles, noteBodies, organisationNames, organisationsPer10k, partnerKinds,
  places, supporterNames, surnames,
} from './vocabulary';

export interface RegionOptions {
  families: number;
  seed: number;
  /** The day the region is "now": dates are spread before (and due dates around) it. */
  asOf: Date;
  /** One hash shared by every generated account (hashing per account would dominate the run). */
  passwordHash: string;
  /** Families per COPY transaction. */
  chunk?: number;
  onChunk?: (familiesDone: number) => void;
}

export interface RegionSummary {
  rows: Record<string, number>;
  professionals: number;
  organisations: number;
}

/** Parents before children, so each chunk's COPYs satisfy the foreign keys as they go. */
export const loadOrder = [
  'organisations', 'users', 'covenants', 'families', 'members', 'supporters', 'team_members', 'coordination_periods', 'plans',
  'goals', 'actions', 'timeline_entries', 'consents', 'assessments', 'assessment_scores', 'phase_transitions', 'plan_agreements',
  'evaluations', 'evaluation_goal_scores', 'family_visits', 'audit_events', 'audit_chain_heads',
] as const satisfies readonly (keyof Database)[];
export type Table = (typeof loadOrder)[number];

/** The audit log has no foreign keys: it can load over a connection of its own, beside the rest. */
export const auditTables: readonly Table[] = ['audit_events', 'audit_chain_heads'];

const phases = [['aanmelding', 5], ['intake', 8], ['plan', 12], ['uitvoering', 45], ['evaluatie', 12], ['afgesloten', 18]] as const;
const phaseOrder = ['aanmelding', 'intake', 'plan', 'uitvoering', 'evaluatie', 'afgesloten'];
const DAY = 86_400_000;

interface Professional { id: string; name: string; organisationId: string; organisationName: string; kind: OrganisationKind }

/** Typed rows into the untyped COPY buffer: a wrong column name fails the type check, not the load. */
class Rows {
  readonly buffer = new CopyBuffer(loadOrder);
  readonly totals: Record<string, number> = {};
  add<T extends Table>(table: T, row: Insertable<Database[T]>): void {
    this.buffer.add(table, row as Record<string, unknown>);
    this.totals[table] = (this.totals[table] ?? 0) + 1;
  }
}

/**
 * Generates a believable region and loads it with COPY: organisations of every kind with covenants, professionals
 * whose caseloads hold 20–60 families, and per family its members, network, care team, plan with goals and actions,
 * timeline, consents, assessments, evaluations and a hash-chained audit log that `audit verify` accepts.
 */
export async function seedRegion(targetOf: (table: Table) => CopySink, opts: RegionOptions): Promise<RegionSummary> {
  const random = new Random(opts.seed);
  const ids = new IdSequence(opts.asOf.getTime() - 3 * 365 * DAY, opts.seed);
  const rows = new Rows();
  const asOf = opts.asOf.getTime();

  // 1. Organisations, per kind in proportion to the region's size.
  const orgsByKind = new Map<OrganisationKind, { id: string; name: string }[]>();
  for (const [kind, per10k] of Object.entries(organisationsPer10k) as [OrganisationKind, number][]) {
    const n = Math.max(1, Math.round((opts.families / 10_000) * per10k));
    const list = Array.from({ length: n }, (_, i) => ({ id: ids.next(), name: `${organisationNames[kind]} ${places[i % places.length]}${i >= places.length ? ` ${Math.floor(i / places.length) + 1}` : ''}` }));
    orgsByKind.set(kind, list);
    for (const o of list) rows.add('organisations', { id: o.id, name: o.name, kind, created_at: new Date(asOf - 3 * 365 * DAY) });
  }

  // 2. Who is on each family's team, by kind of organisation; then professionals enough for caseloads of 20–60.
  const teams = Array.from({ length: opts.families }, () => {
    const size = random.weighted([[2, 15], [3, 30], [4, 30], [5, 15], [6, 10]] as const);
    const kinds = new Set<OrganisationKind>();
    while (kinds.size < size - 1) kinds.add(random.weighted(partnerKinds.map(([k, w]) => [k, w] as const)));
    return { coordinatorKind: random.weighted([[coordinatorKinds[0]!, 2], [coordinatorKinds[1]!, 1]] as const), partners: [...kinds] };
  });
  const slotsByKind = new Map<OrganisationKind, number>();
  for (const t of teams) for (const k of [t.coordinatorKind, ...t.partners]) slotsByKind.set(k, (slotsByKind.get(k) ?? 0) + 1);
  const pools = new Map<OrganisationKind, { pool: Professional[]; next: number }>();
  const professionals: Professional[] = [];
  const passwordHash = opts.passwordHash;
  for (const [kind, slots] of slotsByKind) {
    const orgs = orgsByKind.get(kind)!;
    const capacities = caseloads(random, slots);
    const pool: Professional[] = [];
    capacities.forEach((capacity, i) => {
      const org = orgs[i % orgs.length]!;
      const p: Professional = {
        id: ids.next(), name: `${random.pick(givenNames.parent)} ${random.weighted(surnames)}`, organisationId: org.id, organisationName: org.name, kind,
      };
      professionals.push(p);
      for (let c = 0; c < capacity; c++) pool.push(p);
    });
    random.shuffle(pool);
    pools.set(kind, { pool, next: 0 });
  }
  professionals.forEach((p, i) => rows.add('users', {
    id: p.id, organisation_id: p.organisationId, email: `pro${i}@bench.test`, name: p.name, password_hash: passwordHash,
    roles: ['professional'], created_at: new Date(asOf - 3 * 365 * DAY),
  }));
  const admins = [...orgsByKind.values()].flat().map((o, i) => ({ id: ids.next(), org: o, i }));
  for (const a of admins) {
    rows.add('users', {
      id: a.id, organisation_id: a.org.id, email: `admin${a.i}@bench.test`, name: `Beheerder ${a.org.name}`.slice(0, 200), password_hash: passwordHash,
      roles: ['org-admin'], created_at: new Date(asOf - 3 * 365 * DAY),
    });
  }

  // 3. Covenants: every coordinating organisation shares with the region's larger partners (not each GP and school).
  const coordinatingOrgs = coordinatorKinds.flatMap((k) => orgsByKind.get(k)!);
  const adminOf = new Map(admins.map((a) => [a.org.id, a.id]));
  for (const partnerKind of ['jgz', 'schuldhulp', 'ggz-volwassenen', 'jeugd-ggz', 'specialist-jeugdhulp', 'gemeente', 'veilig-thuis'] as const) {
    for (const partner of orgsByKind.get(partnerKind)!) {
      for (const own of coordinatingOrgs) {
        rows.add('covenants', {
          id: ids.next(), proposer_organisation_id: own.id, partner_organisation_id: partner.id, categories: ['identity', 'team', 'plan-overview'],
          purpose: 'Samenwerken in één gezinsplan', valid_from: day(asOf - 700 * DAY), valid_until: null, status: 'active',
          proposed_by: adminOf.get(own.id)!, decided_by: adminOf.get(partner.id)!, decided_at: new Date(asOf - 690 * DAY), created_at: new Date(asOf - 700 * DAY),
        });
      }
    }
  }
  const chunk = opts.chunk ?? 2_000;
  const loader = new PipelinedLoader(targetOf);
  loader.send(rows.buffer.drain());

  // 4. The families, chunk by chunk.
  let bsnCounter = 10_000_000;
  const nextBsn = (): string => {
    for (;;) {
      const base = String(bsnCounter++).padStart(8, '0');
      const sum = [...base].reduce((s, d, i) => s + Number(d) * (9 - i), 0);
      const check = sum % 11;
      if (check !== 10) return `${base}${check}`;
    }
  };
  for (let f = 0; f < opts.families; f++) {
    const team = teams[f]!;
    const draw = (kind: OrganisationKind): Professional => {
      const p = pools.get(kind)!;
      return p.pool[p.next++]!;
    };
    generateFamily(rows, random, ids, asOf, {
      coordinator: draw(team.coordinatorKind),
      partners: team.partners.map((k) => ({ pro: draw(k), domains: partnerKinds.find(([pk]) => pk === k)![2] })),
      bsn: nextBsn,
    });
    if ((f + 1) % chunk === 0 || f === opts.families - 1) {
      await loader.sendAfterPrevious(rows.buffer.drain());
      opts.onChunk?.(f + 1);
    } else if ((f + 1) % 100 === 0) {
      // Let the previous chunk's COPY move on while this one is generated: the two cores work side by side.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  await loader.finished();
  return { rows: rows.totals, professionals: professionals.length, organisations: [...orgsByKind.values()].flat().length };
}

/**
 * Loads one chunk while the next is generated, each table over its own target's connection (the audit log on one,
 * the rest on another, so PostgreSQL works on both cores); a failure surfaces at the next hand-over.
 */
class PipelinedLoader {
  private pending: Promise<unknown> = Promise.resolve();

  constructor(private readonly targetOf: (table: Table) => CopySink) {}

  send(batches: CopyBatch[]): void {
    const previous = this.pending;
    const byTarget = new Map<CopySink, CopyBatch[]>();
    for (const b of batches) {
      const t = this.targetOf(b.table as Table);
      byTarget.set(t, [...(byTarget.get(t) ?? []), b]);
    }
    this.pending = (async () => {
      await previous;
      await Promise.all([...byTarget].map(async ([target, list]) => {
        for (const b of list) await target.copy(b);
      }));
    })();
  }

  async sendAfterPrevious(batches: CopyBatch[]): Promise<void> {
    await this.pending;
    this.send(batches);
  }

  async finished(): Promise<void> {
    await this.pending;
  }
}

/** Caseload sizes between 20 and 60 that add up to exactly the slots to fill (fewer than 20 slots: one small caseload). */
function caseloads(random: Random, slots: number): number[] {
  if (slots < 20) return [slots];
  const out: number[] = [];
  let left = slots;
  while (left > 0) {
    if (left <= 60) { out.push(left); break; }
    const c = Math.min(random.int(20, 60), left - 20);
    out.push(c);
    left -= c;
  }
  return out;
}

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

interface FamilyPlan {
  coordinator: Professional;
  partners: { pro: Professional; domains: readonly string[] }[];
  bsn: () => string;
}

function generateFamily(rows: Rows, random: Random, ids: IdSequence, asOf: number, plan: FamilyPlan): void {
  const phase = random.weighted(phases);
  const reached = phaseOrder.indexOf(phase);
  const ageDays = reached === 5 ? random.int(200, 1000) : random.int(7 + reached * 40, 60 + reached * 150);
  const createdMs = asOf - ageDays * DAY;
  const at = (fraction: number): number => createdMs + Math.floor((asOf - createdMs) * fraction);
  const coordinator = plan.coordinator;
  const familyId = ids.next();
  const surname = random.weighted(surnames);
  const audit = new AuditChain(familyId);

  rows.add('families', {
    id: familyId, name: `Gezin ${surname}`, phase, created_by: coordinator.id, organisation_id: coordinator.organisationId,
    created_at: new Date(createdMs), updated_at: new Date(at(0.9)), closed_at: phase === 'afgesloten' ? new Date(at(0.95)) : null,
  });
  audit.add(createdMs, coordinator, 'C', 'family.registered', 'family', familyId);

  // Members: one or two parents, children with ages that fit the parents', now and then a grandparent at home.
  const memberCount = random.weighted([[2, 20], [3, 30], [4, 25], [5, 13], [6, 8], [7, 4]] as const);
  const parentCount = memberCount >= 3 && random.chance(0.6) ? 2 : 1;
  const members: { id: string; role: string; birthMs: number }[] = [];
  const parentBirth = asOf - random.int(24, 52) * 365 * DAY;
  for (let m = 0; m < memberCount; m++) {
    const role = m < parentCount ? 'parent' : m === memberCount - 1 && memberCount >= 5 && random.chance(0.2) ? 'other' : 'child';
    const birthMs = role === 'parent' ? parentBirth - random.int(0, 6) * 365 * DAY
      : role === 'other' ? parentBirth - random.int(20, 30) * 365 * DAY
        : random.int(Math.max(parentBirth + 18 * 365 * DAY, asOf - 19 * 365 * DAY), asOf - 30 * DAY);
    const id = ids.next();
    members.push({ id, role, birthMs });
    rows.add('members', {
      id, family_id: familyId, given_name: random.pick(givenNames[role as keyof typeof givenNames]), family_name: surname,
      birth_date: day(birthMs), role, has_custody: role === 'parent', bsn: random.chance(0.6) ? plan.bsn() : null,
      author_organisation_id: coordinator.organisationId, created_at: new Date(createdMs), updated_at: new Date(createdMs),
    });
    rows.add('timeline_entries', entry(ids, familyId, 'member', 'member.added', { memberId: id, role }, null, 'identity', [id], coordinator, createdMs));
    audit.add(createdMs, coordinator, 'C', 'member.added', 'member', id, id);
  }
  const parents = members.filter((m) => m.role === 'parent');
  const children = members.filter((m) => m.role === 'child');

  const supporters = Array.from({ length: random.weighted([[0, 40], [1, 40], [2, 20]] as const) }, () => {
    const [name, relation] = random.pick(supporterNames);
    const id = ids.next();
    rows.add('supporters', { id, family_id: familyId, name, relation, contact: null, author_organisation_id: coordinator.organisationId, created_at: new Date(at(0.1)) });
    return id;
  });

  // The care team: the coordinator from the start, partners joining over the first weeks, some gone again.
  const coordinatorMember = ids.next();
  rows.add('team_members', {
    id: coordinatorMember, family_id: familyId, user_id: coordinator.id, role: 'coordinator', life_domains: [], responsibility: 'Coördinatie van het gezinsplan',
    start_date: day(createdMs), end_date: null, ended_at: null, author_organisation_id: coordinator.organisationId, created_at: new Date(createdMs),
  });
  rows.add('coordination_periods', { id: ids.next(), family_id: familyId, team_member_id: coordinatorMember, user_id: coordinator.id, started_at: new Date(createdMs), ended_at: null, handover_id: null });
  rows.add('timeline_entries', entry(ids, familyId, 'team', 'team.member-added', { teamMemberId: coordinatorMember, userId: coordinator.id, role: 'coordinator' }, null, 'team', [], coordinator, createdMs));
  const active: Professional[] = [coordinator];
  for (const { pro, domains } of plan.partners) {
    const joined = at(random.next() * 0.3);
    const ended = random.chance(0.12) ? at(0.6 + random.next() * 0.3) : null;
    const id = ids.next();
    rows.add('team_members', {
      id, family_id: familyId, user_id: pro.id, role: 'member', life_domains: [...domains], responsibility: `Hulp bij ${domains[0]}`,
      start_date: day(joined), end_date: ended ? day(ended) : null, ended_at: ended ? new Date(ended) : null,
      author_organisation_id: coordinator.organisationId, created_at: new Date(joined),
    });
    rows.add('timeline_entries', entry(ids, familyId, 'team', 'team.member-added', { teamMemberId: id, userId: pro.id, role: 'member' }, null, 'team', [], coordinator, joined));
    audit.add(joined, coordinator, 'C', 'team.member-added', 'team-member', id);
    if (!ended) active.push(pro);
    // The family's consent to share with this organisation: identity, the team, the plan overview and its domains.
    for (const subject of [...parents, ...children.filter((c) => asOf - c.birthMs >= 12 * 365 * DAY && random.chance(0.5))]) {
      const consentId = ids.next();
      const ageYears = (joined - subject.birthMs) / (365 * DAY);
      const givenBy = ageYears >= 16 ? [subject.id] : ageYears >= 12 ? [subject.id, ...parents.map((p) => p.id)] : parents.map((p) => p.id);
      rows.add('consents', {
        id: consentId, family_id: familyId, member_id: subject.id, organisation_id: pro.organisationId, recipient_member_id: null,
        categories: ['identity', 'team', 'plan-overview', ...domains], purpose: 'Hulp binnen het gezinsplan', valid_from: day(joined),
        valid_until: day(joined + 365 * DAY), given_by: givenBy, status: 'active', recorded_by: coordinator.id, withdrawn_by: null, withdrawn_at: null,
        created_at: new Date(joined), updated_at: new Date(joined),
      });
      audit.add(joined, coordinator, 'C', 'consent.given', 'consent', consentId, subject.id);
    }
  }

  // Phases so far, each step recorded.
  for (let p = 1; p <= reached; p++) {
    const when = at(p / (reached + 1));
    rows.add('phase_transitions', { id: ids.next(), family_id: familyId, from_phase: phaseOrder[p - 1]!, to_phase: phaseOrder[p]!, note: '', author_user_id: coordinator.id, author_organisation_id: coordinator.organisationId, created_at: new Date(when) });
    rows.add('timeline_entries', entry(ids, familyId, 'family', 'family.phase-changed', { from: phaseOrder[p - 1], to: phaseOrder[p] }, null, 'identity', [], coordinator, when));
    audit.add(when, coordinator, 'U', 'family.phase-changed', 'phase', familyId);
  }

  // Assessments from intake on: the family's view and the professional's, side by side.
  const domainPool = [...new Set([...plan.partners.flatMap((p) => p.domains), 'financien', 'huisvesting', 'sociaal-netwerk', 'gezinsstructuur'])];
  if (reached >= 1) {
    const when = at(1 / (reached + 1));
    const scored = random.sample(domainPool, random.int(4, 7));
    for (const view of ['family', 'professional'] as const) {
      const id = ids.next();
      rows.add('assessments', { id, family_id: familyId, member_id: null, view, assessed_on: day(when), author_user_id: coordinator.id, author_organisation_id: coordinator.organisationId, author_member_id: null, created_at: new Date(when) });
      for (const lifeDomain of scored) rows.add('assessment_scores', { assessment_id: id, life_domain: lifeDomain, level: random.int(1, 5), strengths: '', concerns: '' });
      rows.add('timeline_entries', entry(ids, familyId, 'plan', 'assessment.recorded', { assessmentId: id, view }, null, 'plan-overview', [], coordinator, when));
      audit.add(when, coordinator, 'C', 'assessment.recorded', 'assessment', id);
    }
  }

  // The plan: goals from the plan phase on, at most three "now", with actions that are open, done or overdue.
  const planId = ids.next();
  const adopted = reached >= 3 ? at(3 / (reached + 1)) : null;
  rows.add('plans', {
    id: planId, family_id: familyId, updated_at: new Date(at(0.9)), evaluation_interval_weeks: 8,
    next_evaluation_on: reached === 3 || reached === 4 ? day(asOf + random.int(-10, 50) * DAY) : null,
    adopted_at: adopted ? new Date(adopted) : null, cycle_started_at: adopted ? new Date(adopted) : null,
  });
  const goals: string[] = [];
  if (reached >= 2) {
    const goalCount = random.int(2, 6);
    const assignees = [...active];
    for (let g = 0; g < goalCount; g++) {
      const lifeDomain = random.pick(domainPool.filter((d) => goalTitles[d]));
      const id = ids.next();
      const when = at((2 + random.next()) / (reached + 1));
      const focus = reached === 5 ? random.pick(['achieved', 'achieved', 'stopped']) : g < 3 ? 'now' : random.chance(0.7) ? 'later' : 'achieved';
      const about = random.sample(members, random.int(1, Math.min(2, members.length))).map((m) => m.id);
      rows.add('goals', {
        id, family_id: familyId, plan_id: planId, title: random.pick(goalTitles[lifeDomain]!), life_domain: lifeDomain, member_ids: about, focus,
        priority: g + 1, owner_member_id: parents[0]!.id, owner_user_id: null, author_user_id: coordinator.id, author_organisation_id: coordinator.organisationId,
        author_member_id: null, created_at: new Date(when), updated_at: new Date(when),
      });
      goals.push(id);
      rows.add('timeline_entries', entry(ids, familyId, 'plan', 'goal.created', { goalId: id, focus }, lifeDomain, lifeDomain, about, coordinator, when));
      audit.add(when, coordinator, 'C', 'goal.created', 'goal', id);
      for (let a = random.int(1, 2); a > 0; a--) {
        const actionId = ids.next();
        const status = focus === 'achieved' || reached === 5 ? 'done' : random.weighted([['open', 60], ['done', 35], ['cancelled', 5]] as const);
        const kind = random.weighted([['user', 60], ['member', 30], ['supporter', supporters.length ? 10 : 0]] as const);
        const due = status === 'open' ? asOf + random.int(-20, 45) * DAY : when + random.int(7, 60) * DAY;
        rows.add('actions', {
          id: actionId, family_id: familyId, goal_id: id, title: random.pick(actionTitles), due_date: day(due), status,
          assignee_user_id: kind === 'user' ? random.pick(assignees).id : null, assignee_member_id: kind === 'member' ? random.pick(parents).id : null,
          assignee_supporter_id: kind === 'supporter' ? random.pick(supporters) : null, author_user_id: coordinator.id, author_organisation_id: coordinator.organisationId,
          completed_at: status === 'done' ? new Date(Math.min(due, asOf)) : null, created_at: new Date(when), updated_at: new Date(when),
        });
        rows.add('timeline_entries', entry(ids, familyId, 'plan', 'action.created', { actionId, goalId: id }, lifeDomain, lifeDomain, about, coordinator, when));
        audit.add(when, coordinator, 'C', 'action.created', 'action', actionId);
      }
    }
  }
  if (adopted) {
    const id = ids.next();
    rows.add('plan_agreements', {
      id, family_id: familyId, plan_version: 1, agreed_by: parents.map((p) => p.id), goals_now: goals.slice(0, 3), agreed_on: day(adopted), note: '',
      author_user_id: coordinator.id, author_organisation_id: coordinator.organisationId, author_member_id: null, created_at: new Date(adopted),
    });
    rows.add('timeline_entries', entry(ids, familyId, 'plan', 'plan.agreed', { agreementId: id }, null, 'plan-overview', [], coordinator, adopted));
    audit.add(adopted, coordinator, 'C', 'plan.agreed', 'plan-agreement', id);
  }

  // Joint evaluations once the plan has run a while.
  if (reached >= 4 && goals.length) {
    for (let e = reached === 5 ? 2 : 1; e > 0; e--) {
      const when = at(e === 2 ? 0.85 : 0.7);
      const id = ids.next();
      rows.add('evaluations', {
        id, family_id: familyId, kind: e === 2 ? 'closing' : 'interim', held_on: day(when), participant_member_ids: parents.map((p) => p.id),
        participant_user_ids: active.map((p) => p.id), experience: JSON.stringify(experienceQuestions.map((q) => ({ code: q.code, score: random.int(2, 5) }))),
        catalogue_version: null, collaboration: '[]', decisions: 'We gaan door met de doelen die nu lopen.', next_evaluation_on: e === 2 ? null : day(when + 56 * DAY),
        author_user_id: coordinator.id, author_organisation_id: coordinator.organisationId, created_at: new Date(when),
      });
      for (const goalId of goals) rows.add('evaluation_goal_scores', { evaluation_id: id, goal_id: goalId, family_id: familyId, score: random.int(-1, 2), comment: '' });
      rows.add('timeline_entries', entry(ids, familyId, 'plan', 'evaluation.held', { evaluationId: id }, null, 'plan-overview', [], coordinator, when));
      audit.add(when, coordinator, 'C', 'evaluation.held', 'evaluation', id);
    }
  }

  // Notes from the team, and how often the file was opened: each reading leaves its audit record.
  for (let n = random.int(0, 4); n > 0; n--) {
    const author = random.pick(active);
    const when = at(0.1 + random.next() * 0.9);
    const lifeDomain = random.pick(domainPool);
    rows.add('timeline_entries', entry(ids, familyId, 'note', 'note', {}, lifeDomain, lifeDomain, [], author, when, random.pick(noteBodies)));
    audit.add(when, author, 'C', 'timeline.note-added', 'timeline-entry', null);
  }
  for (let r = random.int(1, 4); r > 0; r--) {
    const reader = random.pick(active);
    const [event, resource] = random.pick([['plan.read', 'plan'], ['family.read', 'family'], ['timeline.read', 'timeline'], ['team.read', 'team']] as const);
    audit.add(at(random.next()), reader, 'R', event, resource, resource === 'family' ? familyId : null);
  }
  rows.add('family_visits', { user_id: coordinator.id, family_id: familyId, visited_at: new Date(at(0.95)) });
  audit.flush(rows, ids);
}

function entry(
  ids: IdSequence, familyId: string, kind: string, event: string, data: Record<string, unknown>, lifeDomain: string | null, category: string,
  memberIds: string[], author: Professional, when: number, body: string | null = null,
): Insertable<Database['timeline_entries']> {
  return {
    id: ids.next(), family_id: familyId, kind, event, body, data: JSON.stringify(data), life_domain: lifeDomain, category, member_ids: memberIds,
    author_user_id: author.id, author_organisation_id: author.organisationId, author_member_id: null, created_at: new Date(when),
  };
}

/** A family's audit chain, hashed exactly as the server's writer does, in the order the events happened. */
class AuditChain {
  private readonly events: { when: number; who: Professional; action: string; event: string; resource: string; resourceId: string | null; memberId: string | null }[] = [];

  constructor(private readonly familyId: string) {}

  add(when: number, who: Professional, action: string, event: string, resource: string, resourceId: string | null, memberId: string | null = null): void {
    this.events.push({ when, who, action, event, resource, resourceId, memberId });
  }

  flush(rows: Rows, ids: IdSequence): void {
    const chainId = `family:${this.familyId}`;
    let prev = GENESIS_HASH;
    let seq = 0;
    for (const e of this.events.sort((a, b) => a.when - b.when)) {
      seq += 1;
      // Keys in sorted order: the hash's canonical JSON is then one native JSON.stringify.
      const fields: HashedFields = {
        action: e.action, actorKind: 'professional', chainId, checks: [true, true, e.who.kind === 'wijkteam' || e.who.kind === 'jeugdteam' || e.action === 'R', false],
        client: 'gezinsplan-web', detail: {}, eventType: e.event, familyId: this.familyId, id: ids.next(), ip: '10.0.0.1', memberId: e.memberId,
        occurredAt: new Date(e.when).toISOString(), onBehalfOfUserId: null, organisationId: e.who.organisationId, organisationName: e.who.organisationName,
        outcome: 'success', purpose: 'care', requestId: null, resourceId: e.resourceId, resourceType: e.resource, seq, userId: e.who.id, userName: e.who.name,
        userRoles: ['professional'],
      };
      const hash = auditHash(prev, fields);
      rows.add('audit_events', {
        id: fields.id, chain_id: chainId, seq, occurred_at: fields.occurredAt, action: fields.action, event_type: fields.eventType, outcome: fields.outcome,
        actor_kind: fields.actorKind, user_id: fields.userId, user_name: fields.userName, user_roles: fields.userRoles, organisation_id: fields.organisationId,
        organisation_name: fields.organisationName, on_behalf_of_user_id: null, family_id: this.familyId, member_id: fields.memberId, resource_type: fields.resourceType,
        resource_id: fields.resourceId, ip: fields.ip, client: fields.client, request_id: null, purpose: fields.purpose, check_authorisation: fields.checks[0],
        check_care_relationship: fields.checks[1], check_consent: fields.checks[2], check_emergency: fields.checks[3], detail: '{}', prev_hash: prev, hash,
      });
      prev = hash;
    }
    rows.add('audit_chain_heads', { chain_id: chainId, seq, last_hash: prev });
  }
}
