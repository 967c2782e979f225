import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, todayInNetherlands } from '@gezinsplan/domain';
import { auditOf, makeFamily, makeFamilyAccount, makeOrganisation, makeUser, PASSWORD } from '../support/test-app';
import { shareFamily } from '../support/sharing';
import { browserAvailable, browserSuite, expectNoAxeViolations, SCREENSHOT_DIR, signInWithForm } from './browser';

const GOALS = ['Rust over geld: de vaste lasten zijn elke maand betaald', 'Tim gaat weer elke dag naar school', 'Marieke slaapt weer goed'];

/**
 * Issue 5's "done when", in Chromium: a coordinator and a mother map the needs together (both views visible, the
 * difference marked), the mother agrees with the three goals for now, the team weighs two options and records a
 * decision, holds two evaluations (the T-score trend shows both), and closes the file with an aftercare date that
 * lands in the coordinator's work list. Every step is in the timeline and the audit log; axe checks every new page.
 */
describe.skipIf(!browserAvailable())('the care process with the family, in a real browser', () => {
  const suite = browserSuite(async (t) => {
    const sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Centrum'), ['professional'], 'Sanne de Vries');
    const mo = await makeUser(t, await makeOrganisation(t, 'schuldhulp', 'Schuldhulp Centrum'), ['professional'], 'Mohammed Benali');
    const family = await makeFamily(sanne.client, 'Gezin Jansen');
    await shareFamily(t, sanne, family, [mo.organisationId]);
    const base = `/api/v1/families/${family.id}`;
    await sanne.client.create(`${base}/team`, { userId: mo.id, role: 'member', lifeDomains: ['financien'] });
    for (const [i, title] of GOALS.entries()) {
      await sanne.client.create(`${base}/goals`, { title, lifeDomain: ['financien', 'scholing', 'geestelijke-gezondheid'][i], memberIds: [i === 1 ? family.childId : family.parentId], focus: 'now' });
    }
    const mother = await makeFamilyAccount(t, sanne.client, family.id, family.parentId);
    return { sanne, mo, family, mother };
  });

  async function openAs(email: string, width = 1280): Promise<Page> {
    const context = await suite.browser.newContext({ viewport: { width, height: 1000 }, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(suite.baseUrl);
    await signInWithForm(page, email, PASSWORD);
    return page;
  }

  // A whole journey of some sixty steps in one browser: on a loaded two-core machine it takes minutes, not seconds.
  it('takes a family from aanmelding to aftercare with the family', async () => {
    const { sanne, family, mother, t } = suite;
    const page = await openAs(sanne.email);
    await page.getByRole('link', { name: 'Gezin Jansen' }).first().click();
    const phaseCard = page.getByRole('region', { name: 'Waar staat het gezin?' });
    await phaseCard.getByRole('button', { name: 'Naar Intake' }).click();
    await phaseCard.getByText('Het dossier staat nu in de fase ‘Intake’.').waitFor();
    await phaseCard.getByRole('button', { name: 'Naar Plan maken' }).click();
    // Adopting the plan waits for the family: the card says what is still needed, and offers no button for it.
    await phaseCard.getByText('de instemming van het gezin met de doelen van nu').waitFor();
    expect(await phaseCard.getByRole('button', { name: 'Naar Uitvoering' }).count()).toBe(0);
    expect(await phaseCard.getByRole('listitem').filter({ hasText: 'Plan maken' }).getAttribute('aria-current')).toBe('step');
    await expectNoAxeViolations(page);

    // The coordinator's view of the mother's life domains.
    await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Leefgebieden' }).click();
    await page.getByRole('heading', { name: 'Leefgebieden: hoe gaat het?' }).waitFor();
    await page.getByText('Er is nog niets in kaart gebracht voor Marieke.').waitFor();
    const form = page.getByRole('region', { name: /Leefgebieden in kaart brengen/ });
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('Niet alles is goed ingevuld.').waitFor();
    await form.getByLabel('Mijn blik als hulpverlener').check();
    await form.getByLabel('Hoe gaat het met Geldzaken?').selectOption('2');
    await form.getByLabel('Hoe gaat het met Geestelijke gezondheid?').selectOption('2');
    await form.getByLabel('Wat is een zorg?').first().fill('Drie schuldeisers en een deurwaarder');
    await form.getByLabel('Hoe gaat het met Woning?').selectOption('4');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await form.getByText('Vastgelegd. Het web laat het nu zien.').waitFor();
    await expectNoAxeViolations(page);

    // The mother, in her own portal: her own view, then she agrees with the goals for now.
    const portal = await openAs(mother.email, 390);
    await portal.getByRole('heading', { name: 'Ons plan' }).waitFor();
    const own = portal.getByRole('region', { name: 'Hoe gaat het met mij?' });
    await own.getByLabel('Hoe gaat het met Geldzaken?').selectOption('4');
    await own.getByLabel('Hoe gaat het met Geestelijke gezondheid?').selectOption('3');
    await own.getByLabel('Hoe gaat het met Woning?').selectOption('4');
    await own.getByRole('button', { name: 'Opslaan' }).click();
    await own.getByText('Vastgelegd. Het web laat het nu zien.').waitFor();
    const mine = portal.getByRole('region', { name: 'Leefgebieden: hoe gaat het?' });
    await mine.getByRole('img', { name: /Leefgebieden van Marieke/ }).waitFor();
    await mine.getByRole('row', { name: /Geldzaken 4 2 Verschil: bespreek dit samen/ }).waitFor();
    await portal.getByRole('button', { name: 'Ja, ik ben het eens' }).click();
    await portal.getByText(/U bent het eens met de doelen van nu/).waitFor();
    await expectNoAxeViolations(portal);
    await portal.screenshot({ path: path.join(SCREENSHOT_DIR, 'care-portal-390.png'), fullPage: true });
    await portal.context().close();

    // Both views side by side for the coordinator: the web and the table, the difference marked.
    await page.reload();
    const needs = page.getByRole('region', { name: 'Leefgebieden: hoe gaat het?' });
    await needs.getByRole('img', { name: /Leefgebieden van Marieke/ }).waitFor();
    await needs.getByText('Blik van het gezin', { exact: false }).first().waitFor();
    await needs.getByText('Blik van Sanne de Vries', { exact: false }).first().waitFor();
    expect(await needs.getByRole('row', { name: /Geldzaken 4 2 Verschil: bespreek dit samen/ }).count()).toBe(1);
    expect(await needs.getByRole('row', { name: /Woning 4 4/ }).textContent()).not.toContain('Verschil');
    await needs.screenshot({ path: path.join(SCREENSHOT_DIR, 'care-needs-1280.png') });

    // Shared decision for the money goal: two options, the family's preference, a decision with an action.
    await page.getByRole('link', { name: 'Overzicht' }).click();
    await page.getByRole('link', { name: `Hulp kiezen: ${GOALS[0]}` }).click();
    await page.getByRole('heading', { name: 'Samen kiezen: hulp bij dit doel' }).waitFor();
    for (const [title, asks] of [['Schuldhulptraject', 'Drie jaar afspraken nakomen'], ['Budgetcursus in de wijk', 'Zes avonden']] as const) {
      await page.locator('summary', { hasText: 'Mogelijke hulp noemen' }).click();
      const add = page.getByRole('form', { name: 'Mogelijke hulp noemen' });
      await add.getByLabel('Welke hulp?').fill(title);
      await add.getByLabel('Wat vraagt het van het gezin?').fill(asks);
      await add.getByRole('button', { name: 'Mogelijke hulp noemen' }).click();
      await page.getByRole('article', { name: title }).waitFor();
      await page.locator('summary', { hasText: 'Mogelijke hulp noemen' }).click();
    }
    await page.locator('summary', { hasText: 'Besluit vastleggen' }).click();
    const decide = page.getByRole('form', { name: 'Besluit vastleggen' });
    await decide.getByRole('group', { name: 'Kies de hulp die het gezin en het team samen kozen' }).getByLabel('Schuldhulptraject').check();
    await decide.getByRole('group', { name: 'Voorkeur van het gezin' }).getByLabel('Schuldhulptraject').check();
    await decide.getByLabel('Wat zegt het gezin erover?').fill('Eerst de schulden; de cursus misschien later.');
    await decide.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await decide.getByText('Vul dit in.').first().waitFor();
    await decide.getByLabel('Wat is besloten, en waarom?').fill('Marieke kiest het schuldhulptraject: de schuldeisers bellen elke week.');
    await decide.getByRole('group', { name: 'Uit het gezin' }).getByLabel('Marieke Jansen').check();
    await decide.getByRole('group', { name: 'Uit het team' }).getByLabel('Sanne de Vries (Wijkteam Centrum)').check();
    await decide.getByRole('button', { name: 'Afspraak toevoegen' }).click();
    await decide.getByLabel('Afspraak 1: Wat?').fill('Alle brieven van schuldeisers verzamelen');
    await decide.getByLabel('Wie?').selectOption({ label: 'Marieke Jansen' });
    await decide.getByRole('button', { name: 'Besluit vastleggen' }).click();
    await page.getByText('Het besluit is vastgelegd.').waitFor();
    const decisions = page.getByRole('region', { name: 'Besluiten' });
    await decisions.getByText('Geldt nu').waitFor();
    await decisions.getByText('Alle brieven van schuldeisers verzamelen').waitFor();
    await decisions.getByText(/staat als actie in het plan/).waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'care-decision-1280.png'), fullPage: true });

    // The mother agreed: the plan is adopted, and its first evaluation is planned.
    await page.getByRole('link', { name: 'Terug naar het overzicht' }).click();
    await page.getByText(/Het gezin is het eens met de doelen van nu: Marieke Jansen/).waitFor();
    await phaseCard.getByRole('button', { name: 'Naar Uitvoering' }).click();
    await phaseCard.getByText('Het dossier staat nu in de fase ‘Uitvoering’.').waitFor();
    await page.getByText(/^Volgende evaluatie: /).first().waitFor();
    await page.getByRole('region', { name: 'Het plan' }).getByText('Alle brieven van schuldeisers verzamelen').waitFor();

    // Two evaluations: an interim one some weeks ago, and the closing one today.
    const weeksAgo = addDays(todayInNetherlands(), -42);
    for (const round of [{ kind: 'Tussentijdse evaluatie', date: weeksAgo, scores: ['-1 Minder dan verwacht', '-1 Minder dan verwacht', '-1 Minder dan verwacht'] },
      { kind: 'Afsluitende evaluatie', date: '', scores: ['+1 Beter dan verwacht', '0 Zoals verwacht', '+1 Beter dan verwacht'] }]) {
      await page.getByRole('navigation', { name: 'Onderdelen van het dossier' }).getByRole('link', { name: 'Evaluaties' }).click();
      await page.getByRole('link', { name: 'Evaluatie vastleggen' }).click();
      await page.getByRole('heading', { name: 'Evaluatie vastleggen' }).waitFor();
      await page.getByLabel(round.kind).check();
      if (round.date) await page.getByLabel('Datum van de evaluatie').fill(round.date);
      await page.getByRole('group', { name: 'Uit het gezin' }).getByLabel('Marieke Jansen').check();
      for (const [i, goal] of GOALS.entries()) {
        await page.getByRole('group', { name: `Hoe ver is het gekomen met: ${goal}` }).getByLabel(round.scores[i]!).check();
      }
      await page.getByRole('group', { name: 'Ik werd serieus genomen' }).getByLabel('Grotendeels waar').check();
      await page.locator('summary', { hasText: 'Samenwerking rond het gezin' }).click();
      await page.getByRole('group', { name: 'Samen beslissen' }).getByLabel('Grotendeels').check();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Evaluatie vastleggen' }).click();
      await page.getByText('De evaluatie is vastgelegd.').waitFor();
    }
    // T = 50 + 10·Σx / √((1−ρ)·n + ρ·n²) with n = 3, ρ = 0.3: √4.8 = 2.191; −3 → 36.3, +2 → 59.1.
    const progress = page.getByRole('region', { name: 'Voortgang van de doelen' });
    await progress.getByRole('img', { name: /Voortgang van de doelen/ }).waitFor();
    expect(await progress.getByRole('row', { name: /^T-score/ }).textContent()).toBe('T-score36,359,1');
    await page.getByRole('article', { name: /Afsluitende evaluatie/ }).getByText('Geen volgende evaluatie: dit was de afsluitende.').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'care-evaluations-1280.png'), fullPage: true });

    // Closing: the reason, what the family can do now, and an aftercare check ten days on (in the work list).
    await page.getByRole('link', { name: 'Overzicht' }).click();
    await phaseCard.getByRole('link', { name: 'Dossier afsluiten' }).click();
    await page.getByRole('heading', { name: 'Dossier afsluiten' }).waitFor();
    await expectNoAxeViolations(page);
    await page.getByLabel('De doelen zijn bereikt').check();
    await page.getByLabel('Wat kan het gezin nu zelf?').fill('Marieke betaalt de vaste lasten zelf en weet de wijkpost te vinden.');
    const aftercareOn = addDays(todayInNetherlands(), 10);
    await page.getByLabel('Datum van de nazorgcheck').fill(aftercareOn);
    await page.getByRole('button', { name: 'Dossier afsluiten' }).click();
    await phaseCard.getByText(/De doelen zijn bereikt\./).waitFor();
    await phaseCard.getByText(/^Nazorgcheck: /).waitFor();
    await phaseCard.getByRole('button', { name: 'Dossier heropenen' }).waitFor();
    await expectNoAxeViolations(page);

    const timeline = page.getByRole('region', { name: 'Wat er gebeurde' });
    for (const event of ['Fase veranderd', 'Gezin stemt in met het plan', 'Mogelijke hulp genoemd', 'Besluit over hulp', 'Evaluatie gehouden', 'Leefgebieden in kaart gebracht']) {
      expect(await timeline.getByText(event, { exact: true }).count(), event).toBeGreaterThan(0);
    }
    await page.getByRole('link', { name: 'Gezinsplan' }).click();
    const work = page.getByRole('region', { name: 'Evaluaties en nazorg' });
    await work.getByText(/^Nazorgcheck op /).waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();

    const events = new Set((await auditOf(t.db, family.id)).filter((r) => r.outcome === 'success').map((r) => r.event_type));
    for (const event of ['family.phase-changed', 'assessment.recorded', 'plan.agreed', 'option.added', 'decision.recorded', 'evaluation.held', 'evaluation.listed', 'phase.read']) {
      expect(events, event).toContain(event);
    }
  }, 300_000);
});
