import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { ApiClient } from '../../packages/server/src/platform/http/api-client';

/**
 * Helpers for the care-process tests (issue 5): reading where a file stands, moving it on, and bringing a file to
 * the point a test is about (a plan adopted, help under way) through the API, as a coordinator would.
 */

export interface Author { userId: string; name: string; organisationName: string | null; memberId: string | null }
export interface Closure {
  id: string; closedOn: string; reason: string; canDoThemselves: string; aftercareOn: string | null;
  aftercare: { checkedOn: string; outcome: string; note: string } | null; reopenedAt: string | null; by: Author;
}
export interface PhaseState {
  familyId: string; phase: string; version: number;
  next: { to: string; refusals: string[] }[];
  history: { id: string; from: string; to: string; note: string; at: string; by: Author }[];
  closures: Closure[];
}
export interface Agreement {
  id: string; agreedOn: string; agreedBy: { id: string; name: string }[]; goalsNow: { id: string; title: string }[];
  planVersion: number; current: boolean; note: string; recordedBy: Author;
}
export interface PlanAction { id: string; goalId: string; title: string; dueDate: string | null; status: string; assignee: { kind: string; id: string; name: string } }
export interface PlanGoal { id: string; title: string; lifeDomain: string; focus: string; version: number; view: string; actions: PlanAction[] }
export interface Plan {
  id: string; version: number; adoptedAt: string | null;
  evaluation: { intervalWeeks: number; nextOn: string | null; status: string | null };
  agreement: Agreement | null; goals: PlanGoal[];
}
export interface TimelineEntry { id: string; kind: string; event: string; data: Record<string, unknown>; lifeDomain: string | null; author: Author | null; createdAt: string }
export interface Problem { code: string; detail?: string; errors?: { pointer: string; detail: string }[] }

/** The answer is a problem+json with this status; its body. */
export function problem(res: LightMyRequestResponse, status: number): Problem {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  return res.json() as Problem;
}

/** The field errors of a problem as [pointer, detail] pairs. */
export const fieldErrors = (p: Problem): [string, string][] => (p.errors ?? []).map((e) => [e.pointer, e.detail]);
export const pointers = (p: Problem): string[] => (p.errors ?? []).map((e) => e.pointer);

export async function phaseOf(client: ApiClient, familyId: string): Promise<PhaseState> {
  const res = await client.get(`/api/v1/families/${familyId}/phase`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PhaseState;
}

/** Moves the file on and insists it moved. */
export async function moveTo(client: ApiClient, familyId: string, to: string, extra: Record<string, unknown> = {}): Promise<PhaseState> {
  const res = await client.post(`/api/v1/families/${familyId}/phase`, { to, ...extra });
  expect(res.statusCode, `${to}: ${res.body}`).toBe(200);
  const state = res.json() as PhaseState;
  expect(state.phase).toBe(to);
  return state;
}

export async function planOf(client: ApiClient, familyId: string): Promise<Plan> {
  const res = await client.get(`/api/v1/families/${familyId}/plan`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Plan;
}

export async function timelineOf(client: ApiClient, familyId: string): Promise<TimelineEntry[]> {
  const res = await client.get(`/api/v1/families/${familyId}/timeline?limit=200`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: TimelineEntry[] }).items;
}

export const CLOSING = { reason: 'goals-reached', canDoThemselves: 'Moeder houdt zelf het kasboek bij; oma helpt op dinsdag.' } as const;

/** A goal in focus now, as the coordinator writes it with the family. */
export function addGoalNow(client: ApiClient, familyId: string, title: string, lifeDomain = 'financien', memberIds: string[] = []) {
  return client.create<PlanGoal>(`/api/v1/families/${familyId}/goals`, { title, lifeDomain, focus: 'now', memberIds });
}

/** The coordinator records that `memberIds` of the family agree with the plan as it stands. */
export function agree(client: ApiClient, familyId: string, memberIds: string[]) {
  return client.create<Agreement>(`/api/v1/families/${familyId}/plan/agreements`, { agreedBy: memberIds, note: 'Aan de keukentafel besproken' });
}

/**
 * From aanmelding to uitvoering: intake, plan, the goals in focus now (one about money unless given), the family's
 * agreement (by `agreedBy`), and the plan adopted. Answers the goals.
 */
export async function adoptPlan(client: ApiClient, familyId: string, agreedBy: string[], goals: { title: string; lifeDomain: string }[] = [{ title: 'Rust over geld', lifeDomain: 'financien' }]): Promise<PlanGoal[]> {
  await moveTo(client, familyId, 'intake');
  await moveTo(client, familyId, 'plan');
  const created: PlanGoal[] = [];
  for (const g of goals) created.push(await addGoalNow(client, familyId, g.title, g.lifeDomain));
  await agree(client, familyId, agreedBy);
  await moveTo(client, familyId, 'uitvoering');
  return created;
}

/** A joint evaluation, with the family member and the coordinator; answers the response for the test to look at. */
export function evaluate(client: ApiClient, familyId: string, body: Record<string, unknown> & { memberIds: string[]; userIds?: string[] }) {
  const { memberIds, userIds = [], ...rest } = body;
  return client.post(`/api/v1/families/${familyId}/evaluations`, { participants: { memberIds, userIds }, ...rest });
}

/**
 * The aftercare day when none is chosen, worked out here independently of the server: the same day three months
 * on, or that month's last day when it is shorter (31 May → 31 August, 30 November → 28 or 29 February).
 */
export function threeMonthsAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let month = m + 3;
  let year = y;
  if (month > 12) { month -= 12; year += 1; }
  const daysInMonth = [31, (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, daysInMonth)).padStart(2, '0')}`;
}
