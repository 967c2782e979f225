import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultCollaborationCatalogue } from '@gezinsplan/domain';
import { makeOrganisation, makeUser, PASSWORD } from '../support/test-app';
import { browserAvailable, browserSuite, expectNoAxeViolations, SCREENSHOT_DIR, signInWithForm, signInWithSecondStep } from './browser';

describe.skipIf(!browserAvailable())('administration in a real browser', () => {
  const suite = browserSuite(async (t) => {
    const school = await makeOrganisation(t, 'school', 'Basisschool De Regenboog');
    await makeOrganisation(t, 'huisarts', 'Huisartsenpraktijk De Linde');
    const orgAdmin = await makeUser(t, school, ['org-admin'], 'Beheer Regenboog');
    const admin = await makeUser(t, await makeOrganisation(t, 'gemeente', 'Gemeente Test'), ['admin'], 'Beheer Gemeente');
    return { orgAdmin, admin };
  });

  it('lets an organisation admin require the second step, add a colleague and reset a second step, only for their own', async () => {
    const { t, browser, baseUrl, orgAdmin } = suite;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await signInWithForm(page, orgAdmin.email, PASSWORD);
    await page.getByRole('heading', { name: 'Beheer' }).waitFor();

    const organisations = page.getByRole('region', { name: 'Organisaties' });
    await organisations.getByRole('combobox', { name: /Basisschool De Regenboog/ }).waitFor();
    expect(await organisations.getByText(/Huisartsenpraktijk De Linde/).count()).toBe(0);
    await organisations.getByRole('button', { name: /Verplicht maken/ }).click();
    await organisations.getByText('Tweede stap verplicht', { exact: false }).first().waitFor();
    // Not everything at once: how many goals the school's families work on now.
    await organisations.getByLabel('Doelen tegelijk op ‘Nu aan werken’ bij gezinnen van Basisschool De Regenboog').selectOption({ label: '2 doelen' });
    await page.getByRole('status').getByText('Opgeslagen.').waitFor();

    const people = page.getByRole('region', { name: 'Mensen' });
    await people.getByText('Persoon toevoegen').click();
    await people.getByLabel('Naam').fill('Juf Anna');
    await people.getByLabel('E-mailadres').fill('anna@regenboog.test');
    await people.getByLabel('Eerste wachtwoord').fill('een-lang-en-ongewoon-wachtwoord');
    await people.getByRole('button', { name: 'Toevoegen' }).click();
    await people.getByText('anna@regenboog.test').waitFor();
    await people.getByRole('button', { name: 'Tweede stap opnieuw laten instellen: Juf Anna' }).click();
    await page.getByText('De tweede stap van Juf Anna is gewist.').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'admin-1280.png'), fullPage: true });

    const org = (await t.db.selectFrom('organisations').select(['require_two_factor', 'max_goals_now']).where('name', '=', 'Basisschool De Regenboog').executeTakeFirstOrThrow());
    expect(org.require_two_factor).toBe(true);
    expect(org.max_goals_now).toBe(2);
    await context.close();
  });

  it('lets an admin replace the collaboration components with a new version, checked before it is sent', async () => {
    const { browser, baseUrl, admin } = suite;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await signInWithSecondStep(page, admin.email, PASSWORD);
    const card = page.getByRole('region', { name: 'Samenwerking evalueren: de lijst van onderdelen' });
    await card.getByText(defaultCollaborationCatalogue.name).waitFor();
    await card.getByText('In gebruik', { exact: true }).waitFor();

    await card.locator('summary', { hasText: 'Nieuwe versie publiceren' }).click();
    const form = card.getByRole('form', { name: 'Nieuwe versie publiceren' });
    await form.getByLabel('De nieuwe lijst (JSON)').fill('{ "version": "2", ');
    await form.getByRole('button', { name: 'Nieuwe versie publiceren' }).click();
    await card.getByText('Dit is geen geldige JSON.').waitFor();
    await form.getByRole('button', { name: 'Begin met de lijst van nu' }).click();
    await form.getByRole('button', { name: 'Nieuwe versie publiceren' }).click();
    await card.getByText('De lijst klopt nog niet.').waitFor();
    expect(await form.getByLabel('De nieuwe lijst (JSON)').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    const document = JSON.parse(await form.getByLabel('De nieuwe lijst (JSON)').inputValue()) as { components: unknown[] };
    await form.getByLabel('De nieuwe lijst (JSON)').fill(JSON.stringify({ ...document, version: '2026-regio', name: 'Regionale lijst 2026', components: document.components.slice(0, 6) }));
    await form.getByRole('button', { name: 'Nieuwe versie publiceren' }).click();
    await card.getByText('Versie 2026-regio is gepubliceerd en wordt vanaf nu gebruikt.').waitFor();
    const versions = card.getByRole('list', { name: 'Versies van de lijst' });
    expect(await versions.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Regionale lijst 2026Versie 2026-regio · \d+ \w+ \d{4}In gebruik$/),
      expect.stringMatching(/Versie 1 · ingebouwd$/),
    ]);
    await card.getByText('De 6 onderdelen van de lijst in gebruik').waitFor();
    await expectNoAxeViolations(page);
    await context.close();
  });
});
