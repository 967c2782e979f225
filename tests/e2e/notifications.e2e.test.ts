import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sendDueMail } from '../../packages/server/src/modules/notifications';
import { makeFamily, makeOrganisation, makeUser, PASSWORD } from '../support/test-app';
import { shareFamily } from '../support/sharing';
import { browserAvailable, browserSuite, expectNoAxeViolations, SCREENSHOT_DIR, signInWithForm, signInWithSecondStep } from './browser';

describe.skipIf(!browserAvailable())('notifications in a real browser', () => {
  const suite = browserSuite(async (t) => {
    const sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam West'), ['professional'], 'Sanne de Vries');
    const mo = await makeUser(t, await makeOrganisation(t, 'schuldhulp', 'Schuldhulp West'), ['professional'], 'Mohammed Benali');
    const admin = await makeUser(t, await makeOrganisation(t, 'gemeente', 'Gemeente West'), ['admin'], 'Beheer Gemeente');
    const family = await makeFamily(sanne.client, 'Gezin Visser');
    const base = `/api/v1/families/${family.id}`;
    await shareFamily(t, sanne, family, [mo.organisationId]);
    await sanne.client.create(`${base}/team`, { userId: mo.id, role: 'member' });
    const goal = await sanne.client.create(`${base}/goals`, { title: 'Rust over geld', lifeDomain: 'financien', memberIds: [family.parentId] });
    await sanne.client.create(`${base}/goals/${goal.id}/actions`, { title: 'Schulden op een rij zetten', assigneeUserId: mo.id });
    // No mail server in this test: the sender marks the mail as not sent, for the admin to see.
    await sendDueMail(t.db, { transport: null, from: 'noreply@gezinsplan.test', appUrl: 'http://localhost/' });
    return { mo, admin, familyId: family.id, goalId: goal.id };
  });

  it('shows a professional the new notification in the header, opens it, and keeps the mail choice', async () => {
    const { t, browser, baseUrl, mo, familyId, goalId } = suite;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await signInWithForm(page, mo.email, PASSWORD);
    await page.getByRole('link', { name: 'Meldingen, 1 nieuw' }).click();
    await page.getByRole('heading', { name: 'Meldingen', level: 1 }).waitFor();
    const list = page.getByRole('region', { name: 'Meldingen' });
    await list.getByRole('link', { name: 'U heeft een nieuwe actie gekregen.' }).waitFor();

    const mail = page.getByRole('region', { name: 'E-mail over meldingen' });
    await mail.getByLabel('Ja, één e-mail per dag').check();
    await mail.getByRole('status').getByText('Uw keuze is bewaard.').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'notifications-1280.png'), fullPage: true });

    await list.getByRole('link', { name: 'U heeft een nieuwe actie gekregen.' }).click();
    await page.waitForURL(`**/gezinnen/${familyId}/doelen/${goalId}`);
    await page.getByText('Rust over geld', { exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Meldingen', exact: true }).waitFor();

    const stored = await t.db.selectFrom('notifications').select('read_at').where('user_id', '=', mo.id).execute();
    expect(stored.map((n) => n.read_at !== null)).toEqual([true]);
    const preference = await t.db.selectFrom('notification_preferences').select('mail').where('user_id', '=', mo.id).executeTakeFirst();
    expect(preference?.mail).toBe('daily-digest');
    await context.close();
  });

  it('shows an admin the outgoing e-mail, waiting for a mail server', async () => {
    const { browser, baseUrl, admin, mo } = suite;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await signInWithSecondStep(page, admin.email, PASSWORD);
    const outbox = page.getByRole('region', { name: 'Uitgaande e-mail' });
    const row = outbox.getByRole('row', { name: new RegExp(mo.email) });
    await row.waitFor();
    await row.getByText('Niet verstuurd: geen mailserver').waitFor();
    expect(await outbox.getByText(/Visser|Schulden/).count()).toBe(0);
    await expectNoAxeViolations(page);
    await context.close();
  });
});
