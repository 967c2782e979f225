import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, PASSWORD } from '../support/test-app';
import { browserAvailable, browserSuite, expectNoAxeViolations, SCREENSHOT_DIR, signInWithForm } from './browser';

/** Tabs until the element that matches is focused (a keyboard user's way through the page). */
async function tabTo(page: Page, matches: (el: Element) => boolean, max = 40): Promise<void> {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((source) => {
      const el = document.activeElement;
      return !!el && new Function('el', `return (${source})(el)`)(el) as boolean;
    }, matches.toString())) return;
  }
  throw new Error('the element was not reached with Tab');
}

describe.skipIf(!browserAvailable())('the coordinator’s journey in a real browser', () => {
  const suite = browserSuite(async (t) => {
    const sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Noord'), ['professional'], 'Sanne de Vries');
    const mo = await makeUser(t, await makeOrganisation(t, 'schuldhulp', 'Schuldhulp Stad'), ['professional'], 'Mohammed Benali');
    return { sanne, mo };
  });

  it('signs in with the keyboard alone, registers a family, builds the team, writes the plan and resolves a conflict', async () => {
    const { browser, baseUrl, sanne, mo } = suite;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();

    // Keyboard only: the skip link first, then the form, then Enter.
    await tabTo(page, (el) => el.id === 'email');
    await page.keyboard.type(sanne.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Mijn werk' }).waitFor();
    await tabTo(page, (el) => el.textContent === 'Nieuw gezin');
    await page.keyboard.press('Enter');

    // Register a family.
    await page.getByRole('heading', { name: 'Nieuw gezin aanmelden' }).waitFor();
    await page.getByLabel('Naam van het gezin').fill('Gezin Bakker');
    const first = page.getByRole('group', { name: 'Gezinslid 1' });
    await first.getByLabel('Voornaam').fill('Anouk');
    await first.getByLabel('Achternaam').fill('Bakker');
    await first.getByLabel('Geboortedatum').fill('1988-05-17');
    await page.getByRole('button', { name: 'Nog een gezinslid' }).click();
    const second = page.getByRole('group', { name: 'Gezinslid 2' });
    await second.getByLabel('Voornaam').fill('Daan');
    await second.getByLabel('Geboortedatum').fill('2015-03-02');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'new-family-1280.png'), fullPage: true });
    await page.getByRole('button', { name: 'Gezin aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gezin Bakker' }).waitFor();
    const familyUrl = page.url();

    // Build the team: find the debt counsellor by name and add him.
    const team = page.getByRole('region', { name: 'Wie helpt' });
    await team.getByText('Hulpverlener toevoegen').click();
    await team.getByLabel('Zoek op naam').fill('Moham');
    await team.getByRole('button', { name: 'Kies: Mohammed Benali' }).click();
    await team.getByLabel('Waar is deze hulpverlener verantwoordelijk voor?').fill('Schuldhulp en budgetbeheer');
    await team.getByRole('button', { name: 'Toevoegen aan het team' }).click();
    await team.getByText('Schuldhulp Stad · Schuldhulp en budgetbeheer').waitFor();

    // Write the plan with the family: a goal in their words, and an action for the mother.
    const plan = page.getByRole('region', { name: 'Het plan' });
    await plan.getByText('Doel toevoegen').first().click();
    await plan.getByLabel('Doel, in de woorden van het gezin').fill('We hebben rust over geld');
    await plan.getByLabel('Leefgebied').selectOption({ label: 'Geldzaken' });
    await plan.getByLabel('Anouk').check();
    await plan.getByRole('button', { name: 'Doel toevoegen' }).click();
    await plan.getByRole('region', { name: 'Nu aan werken' }).getByRole('heading', { name: 'We hebben rust over geld' }).waitFor();
    await plan.getByRole('button', { name: 'Actie toevoegen: We hebben rust over geld' }).click();
    await plan.getByLabel('Wat moet er gebeuren?').fill('Alle brieven verzamelen');
    await plan.getByLabel('Wie doet het?').selectOption({ label: 'Anouk Bakker' });
    await plan.getByLabel('Uiterlijk').fill('2030-02-01');
    await plan.getByRole('button', { name: 'Actie toevoegen', exact: true }).click();
    await plan.getByText('Alle brieven verzamelen').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'family-plan-1280.png'), fullPage: true });

    // Someone else changes the goal while she edits it: she sees their version and keeps hers on purpose.
    await plan.getByRole('button', { name: 'Aanpassen: We hebben rust over geld' }).click();
    const familyId = familyUrl.split('/').at(-1)!;
    const goals = ((await sanne.client.get(`/api/v1/families/${familyId}/plan`)).json() as { goals: { id: string; version: number }[] }).goals;
    const changed = await sanne.client.patch(`/api/v1/families/${familyId}/goals/${goals[0]!.id}`, { title: 'Geen nieuwe schulden' }, goals[0]!.version);
    expect(changed.statusCode).toBe(200);
    const goal = plan.getByRole('article', { name: 'We hebben rust over geld' });
    await goal.getByLabel('Doel, in de woorden van het gezin').fill('Elke maand zijn de vaste lasten betaald');
    await goal.getByRole('button', { name: 'Doel opslaan' }).click();
    await goal.getByText('Iemand anders heeft dit net aangepast.').waitFor();
    await goal.getByText('Hun versie: "Geen nieuwe schulden"').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'conflict-1280.png'), fullPage: true });
    await goal.getByRole('button', { name: 'Mijn versie opslaan' }).click();
    await plan.getByRole('heading', { name: 'Elke maand zijn de vaste lasten betaald' }).waitFor();

    // Priorities by keyboard: a second goal moves up with the "Hoger" button.
    await plan.getByLabel('Doel, in de woorden van het gezin').first().fill('Anouk vindt werk dat bij haar past');
    await plan.getByLabel('Leefgebied').selectOption({ label: 'Werk en opleiding' });
    await plan.getByRole('button', { name: 'Doel toevoegen' }).click();
    const now = plan.getByRole('region', { name: 'Nu aan werken' });
    await now.getByRole('heading', { name: 'Anouk vindt werk dat bij haar past' }).waitFor();
    await now.getByRole('button', { name: 'Hoger: Anouk vindt werk dat bij haar past' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('#focus-now ~ article h4')?.textContent === 'Anouk vindt werk dat bij haar past');

    // A note on the timeline, with its life domain.
    const timeline = page.getByRole('region', { name: 'Wat er gebeurde' });
    await timeline.getByText('Notitie schrijven').click();
    await timeline.getByLabel('Notitie').fill('Huisbezoek: de brieven liggen klaar.');
    await timeline.getByLabel('Leefgebied').selectOption({ label: 'Geldzaken' });
    await timeline.getByRole('button', { name: 'Notitie opslaan' }).click();
    await timeline.getByText('Huisbezoek: de brieven liggen klaar.').waitFor();

    // My work finds the family by name.
    await page.getByRole('link', { name: 'Gezinsplan' }).click();
    await page.getByRole('search').getByLabel('Zoek een gezin').fill('Bakk');
    await page.getByRole('search').getByRole('link', { name: 'Gezin Bakker' }).waitFor();
    await expectNoAxeViolations(page);

    // The debt counsellor signs in: the family is on his work list, but without consent he sees neither its name
    // nor the plan the wijkteam wrote.
    const other = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'nl-NL' });
    const page2 = await other.newPage();
    await page2.goto(baseUrl);
    await signInWithForm(page2, mo.email, PASSWORD);
    const families = page2.getByRole('region', { name: 'Mijn gezinnen' });
    await families.getByRole('link', { name: 'Gezin (naam niet gedeeld)' }).click();
    await page2.getByRole('heading', { level: 1, name: 'Gezin (naam niet gedeeld)' }).waitFor();
    await page2.getByRole('region', { name: 'Het plan' }).getByText('Er staan nog geen doelen in het plan.').waitFor();
    expect(await page2.getByText('Elke maand zijn de vaste lasten betaald').count()).toBe(0);
    await expectNoAxeViolations(page2);
    await page2.screenshot({ path: path.join(SCREENSHOT_DIR, 'second-professional-390.png'), fullPage: true });
    await other.close();

    // The coordinator ends his part in the team, with a reason; it stays in the history.
    await page.goto(familyUrl);
    const team2 = page.getByRole('region', { name: 'Wie helpt' });
    await team2.getByRole('button', { name: 'Uit het team: Mohammed Benali' }).click();
    await team2.getByLabel('Waarom stopt deze hulp?').fill('Schulden zijn geregeld');
    await team2.getByRole('button', { name: 'Uit het team halen' }).click();
    await page.waitForFunction(() => !document.body.textContent?.includes('Schuldhulp Stad · Schuldhulp en budgetbeheer'));
    await context.close();
  });
});
