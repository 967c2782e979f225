import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { addDays, todayInNetherlands } from '@gezinsplan/domain';
import { runNotificationSweep } from '../../packages/server/src/modules/notifications';
import { makeFamily, makeOrganisation, makeUser, startTestApp, type TestApp } from '../support/test-app';
import { consentFor, ensureCovenants } from '../support/sharing';

type Person = Awaited<ReturnType<typeof makeUser>>;
interface NotificationItem { id: string; kind: string; familyId: string | null; data: Record<string, unknown>; readAt: string | null }
interface NotificationList { items: NotificationItem[]; nextCursor: string | null; unreadCount: number }

/**
 * Notifications (issue 6): each trigger leaves exactly one notification for the person it concerns, in the
 * transaction of the change, with its mail in the outbox as the person chose; the daily sweep notifies once however
 * often it runs; the outbox is for admins only.
 */
describe('notifications', () => {
  let t: TestApp;
  let sanne: Person; // wijkteam, coordinator
  let mo: Person; // schuldhulp, on the team
  let family: Awaited<ReturnType<typeof makeFamily>>;
  let base: string;
  let goalId: string;

  const list = async (who: Person, query = ''): Promise<NotificationList> => {
    const res = await who.client.get(`/api/v1/me/notifications${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as NotificationList;
  };
  const ofKind = async (who: Person, kind: string) => (await list(who, '?limit=200')).items.filter((n) => n.kind === kind);
  const outboxOf = (userId: string) => t.db.selectFrom('mail_outbox').selectAll().where('user_id', '=', userId).execute();

  beforeAll(async () => {
    t = await startTestApp();
    sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Noord'), ['professional'], 'Sanne de Vries');
    mo = await makeUser(t, await makeOrganisation(t, 'schuldhulp', 'Schuldhulp Noord'), ['professional'], 'Mohammed Benali');
    await ensureCovenants(t, [sanne.organisationId, mo.organisationId]);
    family = await makeFamily(sanne.client, 'Gezin Jansen');
    base = `/api/v1/families/${family.id}`;
    await sanne.client.create(`${base}/team`, { userId: mo.id, role: 'member' });
    goalId = (await sanne.client.create(`${base}/goals`, { title: 'Rust over geld', lifeDomain: 'financien', memberIds: [family.parentId] })).id;
  });
  afterAll(async () => { await t?.close(); });

  it('tells a professional once about an action someone else gives them, not about one they take on themselves', async () => {
    const action = await sanne.client.create(`${base}/goals/${goalId}/actions`, { title: 'Schulden op een rij zetten', dueDate: '2031-03-01', assigneeUserId: mo.id });
    await sanne.client.create(`${base}/goals/${goalId}/actions`, { title: 'Zelf bellen met de school', assigneeUserId: sanne.id });
    const assigned = await ofKind(mo, 'action.assigned');
    expect(assigned).toEqual([expect.objectContaining({ familyId: family.id, data: { actionId: action.id, goalId }, readAt: null })]);
    expect(await ofKind(sanne, 'action.assigned')).toEqual([]);
    // Changing the title is no new assignment; handing it back and forth is.
    const renamed = await sanne.client.patch(`${base}/actions/${action.id}`, { title: 'Alle schulden op een rij' }, action.version);
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(await ofKind(mo, 'action.assigned')).toHaveLength(1);
    // The mail is in the outbox, without anything about the family.
    const mail = (await outboxOf(mo.id)).filter((m) => m.notification_id === assigned[0]!.id);
    expect(mail).toEqual([expect.objectContaining({ kind: 'notification', status: 'pending', subject: expect.stringContaining('Gezinsplan') })]);
    expect(JSON.stringify(mail)).not.toMatch(/Jansen|Marieke|schulden/i);
  });

  it('tells the recipient organisation\'s team members about a consent change, once per change', async () => {
    const [consentId] = await consentFor(sanne.client, family.id, mo.organisationId, { parentId: family.parentId, memberIds: [family.parentId] });
    expect(await ofKind(mo, 'consent.changed')).toEqual([expect.objectContaining({ familyId: family.id, data: { consentId } })]);
    expect(await ofKind(sanne, 'consent.changed')).toEqual([]);
    const withdrawn = await sanne.client.post(`${base}/consents/${consentId}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await ofKind(mo, 'consent.changed')).toHaveLength(2);
  });

  it('counts what is unread, filters on it, and marks one or all read', async () => {
    const before = await list(mo);
    expect(before.unreadCount).toBeGreaterThanOrEqual(3);
    const unread = await list(mo, '?unread=true&limit=200');
    expect(unread.items).toHaveLength(before.unreadCount);
    expect((await mo.client.post(`/api/v1/me/notifications/${unread.items[0]!.id}/read`)).statusCode).toBe(204);
    expect((await list(mo)).unreadCount).toBe(before.unreadCount - 1);
    // Someone else's notification is not there to mark.
    expect((await sanne.client.post(`/api/v1/me/notifications/${unread.items[1]!.id}/read`)).statusCode).toBe(404);
    expect((await mo.client.post('/api/v1/me/notifications/read-all')).statusCode).toBe(204);
    expect(await list(mo, '?unread=true')).toMatchObject({ items: [], unreadCount: 0 });
  });

  it('mails as each person chose: at once, one digest a day, or not at all', async () => {
    const kim = await makeUser(t, mo.organisationId, ['professional'], 'Kim de Wit');
    await sanne.client.create(`${base}/team`, { userId: kim.id, role: 'member' });
    expect((await kim.client.get('/api/v1/me/notification-preferences')).json()).toEqual({ mail: 'immediate' });
    const set = await kim.client.request('PUT', '/api/v1/me/notification-preferences', { mail: 'daily-digest' });
    expect(set.statusCode, set.body).toBe(200);
    expect((await kim.client.get('/api/v1/me/notification-preferences')).json()).toEqual({ mail: 'daily-digest' });
    expect((await kim.client.request('PUT', '/api/v1/me/notification-preferences', { mail: 'weekly' })).statusCode).toBe(400);
    for (const title of ['Brieven ophalen', 'Budget maken']) {
      await sanne.client.create(`${base}/goals/${goalId}/actions`, { title, assigneeUserId: kim.id });
    }
    const digest = await outboxOf(kim.id);
    expect(digest).toEqual([expect.objectContaining({ kind: 'digest', digest_day: todayInNetherlands(), status: 'pending', notification_id: null })]);
    expect(new Date(digest[0]!.next_attempt_at).getTime()).toBeGreaterThan(Date.now());
    await kim.client.request('PUT', '/api/v1/me/notification-preferences', { mail: 'off' });
    await sanne.client.create(`${base}/goals/${goalId}/actions`, { title: 'Bellen met de bank', assigneeUserId: kim.id });
    expect(await outboxOf(kim.id)).toHaveLength(1);
    expect(await ofKind(kim, 'action.assigned')).toHaveLength(3);
  });

  it('sweeps actions due tomorrow or overdue and evaluations coming up, once however often it runs', async () => {
    const today = todayInNetherlands();
    const tomorrow = await sanne.client.create(`${base}/goals/${goalId}/actions`, { title: 'Afspraak bevestigen', dueDate: addDays(today, 1), assigneeUserId: mo.id });
    const late = await sanne.client.create(`${base}/goals/${goalId}/actions`, { title: 'Formulier inleveren', dueDate: addDays(today, 3), assigneeUserId: mo.id });
    const forTheFamily = await sanne.client.create(`${base}/goals/${goalId}/actions`, { title: 'Kasboek bijhouden', dueDate: addDays(today, 1), assigneeMemberId: family.parentId });
    // Set-up outside the API: a plan under way whose evaluation is next week, and an action whose date has passed.
    await t.db.updateTable('families').set({ phase: 'uitvoering' }).where('id', '=', family.id).execute();
    await t.db.updateTable('plans').set({ next_evaluation_on: addDays(today, 7) }).where('family_id', '=', family.id).execute();
    await t.db.updateTable('actions').set({ due_date: addDays(today, -2) }).where('id', '=', late.id).execute();

    const first = await runNotificationSweep(t.db);
    const second = await runNotificationSweep(t.db);
    expect(second.notified).toBe(0);
    expect(first.notified).toBe(5); // Mo: due tomorrow, overdue, evaluation; Sanne and Kim: evaluation
    expect((await ofKind(mo, 'action.due-tomorrow')).map((n) => n.data)).toEqual([{ actionId: tomorrow.id }]);
    expect((await ofKind(mo, 'action.overdue')).map((n) => n.data)).toEqual([{ actionId: late.id }]);
    expect((await ofKind(mo, 'evaluation.due')).map((n) => n.data)).toEqual([{ dueOn: addDays(today, 7) }]);
    expect((await ofKind(sanne, 'evaluation.due'))).toHaveLength(1);
    expect(JSON.stringify(await list(sanne, '?limit=200'))).not.toContain(forTheFamily.id);
  });

  it('sweeps a region a page at a time: 1,200 overdue actions each told once, and a stopping server ends it between pages', async () => {
    // Set-up outside the API, as a region migrated in would be: many actions whose date has passed.
    const now = new Date();
    const overdueOn = addDays(todayInNetherlands(), -5);
    const ids = Array.from({ length: 1200 }, () => uuidv7());
    await t.db.insertInto('actions').values(ids.map((id, i) => ({
      id, family_id: family.id, goal_id: goalId, title: `Bulk ${i}`, due_date: overdueOn, assignee_user_id: mo.id,
      assignee_member_id: null, assignee_supporter_id: null, author_user_id: sanne.id, author_organisation_id: sanne.organisationId,
      created_at: now, updated_at: now,
    }))).execute();
    const overdueFor = async () => (await t.db.selectFrom('notifications').select('data').where('user_id', '=', mo.id).where('kind', '=', 'action.overdue').execute())
      .map((n) => (n.data as { actionId: string }).actionId).filter((id) => ids.includes(id));

    // Asked to stop after the first page, the sweep leaves the rest for its next run.
    let pages = 0;
    const stopped = await runNotificationSweep(t.db, { shouldStop: () => pages++ > 0 });
    expect(stopped.notified).toBeGreaterThan(0);
    expect(stopped.notified).toBeLessThanOrEqual(500);
    expect(await overdueFor()).toHaveLength(stopped.notified);
    const full = await runNotificationSweep(t.db);
    expect(stopped.notified + full.notified).toBe(1200);
    expect((await overdueFor()).sort()).toEqual([...ids].sort());
    expect((await runNotificationSweep(t.db)).notified).toBe(0);
    // One mail per notification for someone who wants them at once.
    const mails = (await outboxOf(mo.id)).filter((m) => m.kind === 'notification');
    const notificationIds = new Set(mails.map((m) => m.notification_id));
    const told = await t.db.selectFrom('notifications').select('id').where('user_id', '=', mo.id).where('kind', '=', 'action.overdue').execute();
    expect(told.every((n) => notificationIds.has(n.id))).toBe(true);
    expect(mails.length).toBe(notificationIds.size);
    await t.db.deleteFrom('actions').where('id', 'in', ids).execute();
  });

  it('shows the outbox to admins only', async () => {
    const res = await t.admin.get('/api/v1/admin/mail-outbox?limit=200');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: { recipientEmail: string; subject: string | null; status: string; attempts: number }[] };
    expect(page.items).toEqual(expect.arrayContaining([expect.objectContaining({ recipientEmail: mo.email, status: 'pending', attempts: 0 })]));
    expect((await t.admin.get('/api/v1/admin/mail-outbox?status=sent')).json()).toMatchObject({ items: [] });
    expect((await mo.client.get('/api/v1/admin/mail-outbox')).statusCode).toBe(403);
    const orgAdmin = await makeUser(t, mo.organisationId, ['org-admin'], 'Beheer Noord');
    expect((await orgAdmin.client.get('/api/v1/admin/mail-outbox')).statusCode).toBe(403);
  });
});
