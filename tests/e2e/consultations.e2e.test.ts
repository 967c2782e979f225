import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import ical, { type VEvent } from 'node-ical';
import { makeFamily, makeOrganisation, makeUser, PASSWORD } from '../support/test-app';
import { shareFamily } from '../support/sharing';
import { browserAvailable, browserSuite, expectNoAxeViolations, SCREENSHOT_DIR, signInWithForm } from './browser';

const GOAL = 'Rust over geld: de vaste lasten zijn elke maand betaald';
const OVERDUE = 'Alle brieven van de schuldeisers verzamelen';
const NEW_ACTION = 'Intake bij de GGZ plannen met Marieke';

/** The time now in the Netherlands as `HH:MM`, and the rest of today's hours for the consultation. */
function slotToday(): { start: string; end: string } {
  const parts = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date());
  const hour = Number(parts.find((p) => p.type === 'hour')!.value);
  const minute = Number(parts.find((p) => p.type === 'minute')!.value);
  const start = Math.min(hour * 60 + minute, 23 * 60 + 57);
  const end = Math.min(start + 60, 23 * 60 + 59);
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { start: hhmm(start), end: hhmm(end) };
}

/**
 * A joint consultation in Chromium (issue 6): the coordinator plans an MDO with its agenda from the plan and invites
 * the GGZ specialist, downloads the invitation (which names no family), records who came, a decision and a new
 * action, and the action is in the plan. Mijn werk lists the consultation and makes a calendar feed link.
 */
describe.skipIf(!browserAvailable())('joint consultations, in a real browser', () => {
  const suite = browserSuite(async (t) => {
    const sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Zuid'), ['professional'], 'Sanne de Vries');
    const iris = await makeUser(t, await makeOrganisation(t, 'ggz-volwassenen', 'GGZ Midden'), ['professional'], 'Iris Mulder');
    const family = await makeFamily(sanne.client, 'Gezin Jansen');
    await shareFamily(t, sanne, family, [iris.organisationId]);
    const base = `/api/v1/families/${family.id}`;
    await sanne.client.create(`${base}/team`, { userId: iris.id, role: 'member', lifeDomains: ['geestelijke-gezondheid'] });
    const goal = await sanne.client.create<{ id: string }>(`${base}/goals`, { title: GOAL, lifeDomain: 'financien', memberIds: [family.parentId], focus: 'now' });
    await sanne.client.create(`${base}/goals/${goal.id}/actions`, { title: OVERDUE, dueDate: '2026-01-05', assigneeMemberId: family.parentId });
    return { sanne, iris, family };
  });

  it('plans an MDO from the plan, sends the invitation as .ics, records it, and the new action lands in the plan', async () => {
    const { browser, baseUrl, sanne, family } = suite;
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await signInWithForm(page, sanne.email, PASSWORD);
    await page.getByRole('link', { name: 'Gezin Jansen' }).first().click();
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Overleg' }).click();
    await page.getByText('Er is nog geen overleg gepland.').waitFor();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Overleg plannen' }).click();

    // The agenda starts from the plan: the goal in focus and the overdue action.
    const form = page.getByRole('form', { name: 'Een gezamenlijk overleg plannen' });
    await form.getByLabel(`Doel: ${GOAL}`).waitFor();
    expect(await form.getByLabel(`Actie te laat: ${OVERDUE}`).isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Overleg plannen' }).click();
    await page.getByText('Vul in waar u samenkomt, of een link voor videobellen.').waitFor();
    const { start, end } = slotToday();
    await form.getByLabel('Begint om').fill(start);
    await form.getByLabel('Klaar om').fill(end);
    await form.getByLabel('Waar? (adres of ruimte)').fill('Wijkcentrum De Kroon, zaal 2');
    await form.getByLabel('Iris Mulder (GGZ Midden)').check();
    await form.getByLabel('Marieke Jansen').check();
    await form.getByLabel('Eigen punt toevoegen').fill('Hoe gaat het met Marieke?');
    await form.getByRole('button', { name: 'Punt toevoegen' }).click();
    await form.getByLabel('Punt: Hoe gaat het met Marieke?').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'consultation-plan-1280.png'), fullPage: true });
    await form.getByRole('button', { name: 'Overleg plannen' }).click();

    // The consultation's page: the agenda, the invitees, the invitation to download.
    await page.getByText('Het overleg is gepland. De hulpverleners krijgen een melding.').waitFor();
    const details = page.getByRole('region', { name: /, \d\d:\d\d–\d\d:\d\d$/ });
    await details.getByRole('link', { name: GOAL }).waitFor();
    await details.getByText('Hoe gaat het met Marieke?').waitFor();
    await details.getByText('Iris Mulder (GGZ Midden)').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), details.getByRole('link', { name: 'Zet in agenda (.ics)' }).click()]);
    const ics = await readFile((await download.path())!, 'utf8');
    const consultationId = page.url().split('/').at(-1)!;
    const [event] = Object.values(ical.sync.parseICS(ics)).filter((c): c is VEvent => c?.type === 'VEVENT');
    expect(event).toMatchObject({ uid: `${consultationId}@gezinsplan`, summary: 'Gezamenlijk consult (Gezinsplan)' });
    expect(ics).toMatch(/\r\nMETHOD:REQUEST\r\n/);
    expect(ics).toContain(`ATTENDEE;CN="Iris Mulder"`);
    for (const secret of ['Jansen', 'Marieke', 'Rust over geld', 'brieven']) expect(ics).not.toContain(secret);
    await expectNoAxeViolations(page);

    // Mijn werk: the consultation coming up, and a calendar link to subscribe to.
    await page.goto(baseUrl);
    const mine = page.getByRole('region', { name: 'Mijn overleggen' });
    await mine.getByText('Gezin Jansen · Wijkcentrum De Kroon, zaal 2').waitFor();
    const feedCard = page.getByRole('region', { name: 'Overleg in uw eigen agenda' });
    await feedCard.getByRole('button', { name: 'Maak mijn agendalink' }).click();
    const link = await feedCard.getByLabel('Uw agendalink').inputValue();
    expect(link).toMatch(/\/api\/v1\/me\/calendar\.ics\?token=[A-Za-z0-9_-]{32}$/);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'consultation-my-work-1280.png'), fullPage: true });
    expect(link.startsWith(baseUrl)).toBe(true);
    // A calendar app fetches it without any cookie.
    const feed = await (await fetch(link)).text();
    expect(feed).toContain(`UID:${consultationId}@gezinsplan`);

    // Afterwards: who came, what was decided, the new action.
    await mine.getByRole('link', { name: /, \d\d:\d\d–\d\d:\d\d$/ }).click();
    const record = page.getByRole('form', { name: 'Verslag van het overleg' });
    expect(await record.getByLabel('Iris Mulder (GGZ Midden)').isChecked()).toBe(true);
    await record.getByLabel('Wat is besloten?').fill('Marieke start bij de GGZ; het wijkteam houdt de regie.');
    await record.getByLabel('Bij welk doel? (mag leeg blijven)').selectOption({ label: GOAL });
    await record.getByLabel('Wat gaat er gebeuren?').fill(NEW_ACTION);
    await record.getByLabel('Bij welk doel?', { exact: true }).selectOption({ label: GOAL });
    await record.getByLabel('Wie doet het?').selectOption({ label: 'Iris Mulder (GGZ Midden)' });
    await record.getByLabel('Klaar op (mag leeg blijven)').fill('2030-01-15');
    await expectNoAxeViolations(page);
    await record.getByRole('button', { name: 'Verslag opslaan' }).click();
    await page.getByText('Het verslag is opgeslagen. De nieuwe acties staan in het plan.').waitFor();
    const held = page.getByRole('region', { name: /^Verslag van / });
    await held.getByText('Marieke start bij de GGZ; het wijkteam houdt de regie.').waitFor();
    await held.getByRole('link', { name: NEW_ACTION }).waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'consultation-recorded-1280.png'), fullPage: true });

    // The plan on the overview has the new action, for Iris.
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Overzicht' }).click();
    await page.getByText(NEW_ACTION).first().waitFor();
    const plan = (await sanne.client.get(`/api/v1/families/${family.id}/plan`)).json() as { goals: { title: string; actions: { title: string; assignee: { name: string } }[] }[] };
    expect(plan.goals.find((g) => g.title === GOAL)!.actions.map((a) => [a.title, a.assignee.name])).toContainEqual([NEW_ACTION, 'Iris Mulder']);
    await context.close();
  });
});
