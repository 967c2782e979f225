import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, PASSWORD } from '../support/test-app';
import { browserAvailable, browserSuite, expectNoAxeViolations, SCREENSHOT_DIR, signInWithForm } from './browser';

describe.skipIf(!browserAvailable())('administration in a real browser', () => {
  const suite = browserSuite(async (t) => {
    const school = await makeOrganisation(t, 'school', 'Basisschool De Regenboog');
    await makeOrganisation(t, 'huisarts', 'Huisartsenpraktijk De Linde');
    const orgAdmin = await makeUser(t, school, ['org-admin'], 'Beheer Regenboog');
    return { orgAdmin };
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
});
