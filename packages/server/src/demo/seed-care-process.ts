import type { ApiClient } from '../platform/http/api-client';

/**
 * The demo's care process, per family: needs mapped by the family and the team at two moments, the family's
 * agreement with the plan, help options and a shared decision, joint evaluations, and a closure with its aftercare
 * check. Everything goes through the API, in the phases' order, so the guards hold for the demo too.
 */
export interface DemoCareProcess {
  /** Per member index (null: the household): two rounds of family and professional views, weeks ago. */
  assessments?: { member: number | null; weeksAgo: number; family: Record<string, number>; professional: Record<string, number> }[];
  /** Who in the family agrees with the plan (member indexes); the first signs in and agrees herself if she can. */
  agreedBy?: number[];
  options?: { goal: number; title: string; asksOfFamily: string; mayBring: string }[];
  decision?: { goal: number; chosen: number[]; preferred: number; familyView: string; rationale: string; members: number[] };
  evaluations?: { weeksAgo: number; kind?: 'interim' | 'closing'; scores: number[]; experience: number[]; nextInDays?: number; decisions: string }[];
  closing?: { reason: 'goals-reached' | 'moved-away' | 'declined-help' | 'transferred'; canDoThemselves: string; aftercareInDays: number };
}

export interface CareProcessContext {
  coordinator: ApiClient;
  /** The client of a family member who signs in, by member index. */
  familyClient: (member: number) => ApiClient | undefined;
  base: string;
  memberId: (i: number) => string;
  goalIds: string[];
  teamUserIds: string[];
  /** The professional's view is given by this team member's client. */
  professional: ApiClient;
  target: 'aanmelding' | 'intake' | 'plan' | 'uitvoering' | 'evaluatie' | 'afgesloten';
}

const PATH = ['intake', 'plan', 'uitvoering', 'evaluatie'] as const;

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

async function move(client: ApiClient, base: string, body: unknown): Promise<void> {
  const res = await client.post(`${base}/phase`, body);
  if (res.statusCode !== 200) throw new Error(`phase change failed: ${res.body}`);
}

async function ok(res: Promise<{ statusCode: number; body: string }>, what: string): Promise<void> {
  const r = await res;
  if (r.statusCode >= 300) throw new Error(`${what} failed with ${r.statusCode}: ${r.body}`);
}

export async function seedCareProcess(ctx: CareProcessContext, p: DemoCareProcess): Promise<void> {
  const { coordinator, base, memberId } = ctx;
  const scores = (levels: Record<string, number>) => Object.entries(levels).map(([lifeDomain, level]) => ({ lifeDomain, level }));
  for (const a of p.assessments ?? []) {
    const about = a.member === null ? null : memberId(a.member);
    const assessedOn = daysAgo(a.weeksAgo * 7);
    const own = a.member !== null ? ctx.familyClient(a.member) : undefined;
    await ok((own ?? coordinator).post(`${base}/assessments`, { memberId: about, view: 'family', assessedOn, scores: scores(a.family) }), 'family view');
    await ok(ctx.professional.post(`${base}/assessments`, { memberId: about, view: 'professional', assessedOn, scores: scores(a.professional) }), 'professional view');
  }
  for (const o of p.options ?? []) {
    await ok(coordinator.post(`${base}/goals/${ctx.goalIds[o.goal]}/options`, { title: o.title, asksOfFamily: o.asksOfFamily, mayBring: o.mayBring }), 'help option');
  }
  if (p.decision) {
    const goal = ctx.goalIds[p.decision.goal];
    const options = (await coordinator.get(`${base}/goals/${goal}/options`)).json() as { items: { id: string }[] };
    await ok(coordinator.post(`${base}/goals/${goal}/decisions`, {
      chosenOptionIds: p.decision.chosen.map((i) => options.items[i]!.id), preferredOptionId: options.items[p.decision.preferred]!.id,
      familyView: p.decision.familyView, rationale: p.decision.rationale,
      participants: { memberIds: p.decision.members.map(memberId), userIds: ctx.teamUserIds.slice(0, 2) },
    }), 'decision');
  }

  const steps = ctx.target === 'afgesloten' ? PATH.slice(0, p.agreedBy ? 3 : 0) : PATH.slice(0, PATH.indexOf(ctx.target as (typeof PATH)[number]) + 1);
  for (const to of steps) {
    if (to === 'uitvoering') {
      const first = p.agreedBy?.[0] ?? 0;
      const self = ctx.familyClient(first);
      if (self) await ok(self.post(`${base}/plan/agreements`, { agreedBy: [memberId(first)] }), 'agreement');
      else await ok(coordinator.post(`${base}/plan/agreements`, { agreedBy: (p.agreedBy ?? [0]).map(memberId), note: 'Samen aan tafel besproken.' }), 'agreement');
    }
    if (to === 'evaluatie') await evaluate(ctx, p.evaluations ?? []);
    await move(coordinator, base, { to });
    if (to === 'uitvoering' && ctx.target !== 'evaluatie') await evaluate(ctx, p.evaluations ?? []);
  }
  if (ctx.target === 'afgesloten' && p.closing) {
    await move(coordinator, base, {
      to: 'afgesloten', closing: { reason: p.closing.reason, canDoThemselves: p.closing.canDoThemselves, aftercareOn: new Date(Date.now() + p.closing.aftercareInDays * 86_400_000).toISOString().slice(0, 10) },
    });
  }
}

/** The joint evaluations, oldest first: the family and the team together, each goal scored, the family's experience. */
async function evaluate(ctx: CareProcessContext, evaluations: NonNullable<DemoCareProcess['evaluations']>): Promise<void> {
  const codes = ['taken-seriously', 'help-fits-needs', 'told-story-once', 'whole-family', 'help-in-time', 'decided-together'];
  for (const e of evaluations) {
    const nextOn = e.nextInDays === undefined ? undefined : new Date(Date.now() + e.nextInDays * 86_400_000).toISOString().slice(0, 10);
    await ok(ctx.coordinator.post(`${ctx.base}/evaluations`, {
      kind: e.kind ?? 'interim', heldOn: daysAgo(e.weeksAgo * 7),
      participants: { memberIds: [ctx.memberId(0)], userIds: ctx.teamUserIds },
      goals: e.scores.map((score, i) => ({ goalId: ctx.goalIds[i], score })),
      experience: e.experience.map((score, i) => ({ code: codes[i], score })),
      decisions: e.decisions, ...(nextOn ? { nextEvaluationOn: nextOn } : {}),
    }), 'evaluation');
  }
}
