import type { ApiClient } from '../platform/http/api-client';

/** Joint consultations in a demo family: one held some weeks ago (with its record), one coming up. */
export interface DemoConsultations {
  /** Team members (demo keys) invited to both. */
  invite: string[];
  /** Family members and supporters (by index) invited. */
  members: number[];
  supporters: number[];
  held: { weeksAgo: number; location: string; notes: string; decisions: { text: string; goal?: number }[]; actions: { goal: number; title: string; who: string; inDays: number }[] };
  upcoming: { inDays: number; location: string; videoUrl?: string; freeItems: string[] };
}

/** Ten in the morning, Dutch winter time, `days` from today (negative: ago). */
const morning = (days: number, hours = 0) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 9 + hours)).toISOString();
};

/**
 * Plans and records the held consultation, then plans the next one with its agenda drawn from the plan (plus the
 * organiser's own items), all through the API with its rules.
 */
export async function seedConsultations(coordinator: ApiClient, base: string, c: DemoConsultations, ids: {
  user: (key: string) => string; member: (i: number) => string; supporter: (i: number) => string; goal: (i: number) => string;
}): Promise<void> {
  const invitees = { userIds: c.invite.map(ids.user), memberIds: c.members.map(ids.member), supporterIds: c.supporters.map(ids.supporter) };
  const held = await coordinator.create<{ id: string }>(`${base}/consultations`, {
    startsAt: morning(-7 * c.held.weeksAgo), endsAt: morning(-7 * c.held.weeksAgo, 1), location: c.held.location, invitees,
  });
  const recorded = await coordinator.post(`${base}/consultations/${held.id}/record`, {
    attended: invitees, notes: c.held.notes,
    decisions: c.held.decisions.map((d) => ({ text: d.text, ...(d.goal !== undefined ? { goalId: ids.goal(d.goal) } : {}) })),
    actions: c.held.actions.map((a) => ({ goalId: ids.goal(a.goal), title: a.title, assigneeUserId: ids.user(a.who), dueDate: morning(a.inDays).slice(0, 10) })),
  });
  if (recorded.statusCode !== 200) throw new Error(`demo consultation not recorded: ${recorded.body}`);
  const agenda = (await coordinator.get(`${base}/consultations/agenda-proposal`)).json() as { items: { kind: string; refId: string }[] };
  await coordinator.create(`${base}/consultations`, {
    startsAt: morning(c.upcoming.inDays), endsAt: morning(c.upcoming.inDays, 1.5), location: c.upcoming.location,
    ...(c.upcoming.videoUrl ? { videoUrl: c.upcoming.videoUrl } : {}), invitees,
    agenda: [...agenda.items.map((i) => ({ kind: i.kind, refId: i.refId })), ...c.upcoming.freeItems.map((title) => ({ kind: 'free', title }))],
  });
}
