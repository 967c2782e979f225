import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFamily, makeOrganisation, makeUser, PASSWORD } from '../support/test-app';
import { browserAvailable, browserSuite, expectNoAxeViolations, SCREENSHOT_DIR, signInWithForm } from './browser';

describe.skipIf(!browserAvailable())('a family member accepts an invitation in a real browser', () => {
  const suite = browserSuite(async (t) => {
    const org = await makeOrganisation(t, 'wijkteam', 'Wijkteam Oost');
    const coordinator = await makeUser(t, org, ['professional'], 'Fatima el Amrani');
    const family = await makeFamily(coordinator.client, 'Gezin Jansen');
    const goal = await coordinator.client.create<{ id: string }>(`/api/v1/families/${family.id}/goals`, { title: 'Wij hebben rust over geld', lifeDomain: 'financien', memberIds: [family.parentId] });
    await coordinator.client.create(`/api/v1/families/${family.id}/goals/${goal.id}/actions`, { title: 'Brieven verzamelen', assigneeMemberId: family.parentId });
    return { coordinator, family };
  });

  it('opens the link, explains a used or wrong code, creates the account and shows the family its plan, at 390 px', async () => {
    const { browser, baseUrl, coordinator, family } = suite;
    const invitation = await coordinator.client.create<{ code: string; link: string }>(`/api/v1/families/${family.id}/invitations`, { memberId: family.parentId });
    const context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'nl-NL' });
    const page = await context.newPage();

    await page.goto(`${baseUrl}/uitnodiging?code=WRON-GCOD-E234`);
    await page.getByRole('heading', { name: 'Welkom bij Gezinsplan' }).waitFor();
    await page.getByRole('region', { name: 'Welkom bij Gezinsplan' }).getByLabel('E-mailadres').fill('marieke@jansen.test');
    await page.getByLabel('Kies een wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Account maken' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('Deze code werkt niet');
    await expectNoAxeViolations(page);

    await page.goto(`${baseUrl}${invitation.link}`);
    expect(await page.getByLabel('Uitnodigingscode').inputValue()).toBe(invitation.code);
    await page.getByRole('region', { name: 'Welkom bij Gezinsplan' }).getByLabel('E-mailadres').fill('marieke@jansen.test');
    await page.getByLabel('Kies een wachtwoord').fill(PASSWORD);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'invitation-390.png'), fullPage: true });
    await page.getByRole('button', { name: 'Account maken' }).click();

    await page.getByRole('heading', { name: 'Ons plan' }).waitFor();
    expect(await page.getByText('Welkom, Marieke Jansen.').isVisible()).toBe(true);
    const agreed = page.getByRole('region', { name: 'Wat is afgesproken' });
    await agreed.getByRole('heading', { name: 'Wij hebben rust over geld' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('region', { name: 'Wie helpt ons' }).getByText('Fatima el Amrani').waitFor();
    await page.getByRole('region', { name: 'Wie heeft ons dossier bekeken' }).getByText(/Fatima el Amrani/).first().waitFor();
    await expectNoAxeViolations(page);

    // She marks her own action done, and adds a goal in her own words.
    await agreed.getByRole('button', { name: 'Klaar: Brieven verzamelen' }).click();
    await agreed.getByRole('button', { name: 'Toch nog niet klaar: Brieven verzamelen' }).waitFor();
    const add = page.getByRole('region', { name: 'Een doel toevoegen' });
    await add.getByLabel('Wat wilt u bereiken?').fill('Ik wil weer rustig slapen');
    await add.getByLabel('Waar gaat het over?').selectOption({ label: 'Geestelijke gezondheid' });
    await add.getByRole('button', { name: 'Doel toevoegen' }).click();
    await add.getByText('Uw doel staat in het plan.').waitFor();
    await page.getByRole('region', { name: 'Later' }).getByRole('heading', { name: 'Ik wil weer rustig slapen' }).waitFor();
    await expectNoAxeViolations(page);

    // She lets the wijkteam see what is about money, sees it in plain words, and withdraws it again.
    const consents = page.getByRole('region', { name: 'Wie mag wat zien' });
    await consents.getByText('Toestemming geven', { exact: true }).first().click();
    await consents.getByLabel('Wie mag het zien?').selectOption({ label: 'Wijkteam Oost' });
    await consents.getByLabel('Geldzaken').check();
    await consents.getByRole('button', { name: 'Toestemming geven' }).click();
    await consents.getByText('Wijkteam Oost mag zien: geldzaken.').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'family-portal-390.png'), fullPage: true });
    await consents.getByRole('button', { name: 'Intrekken: Wijkteam Oost mag zien: geldzaken.' }).click();
    await consents.getByText('De toestemming is ingetrokken.').waitFor();
    expect(await consents.getByText('Wijkteam Oost mag zien: geldzaken.').count()).toBe(0);

    // Signed out, the family member signs in again through the one sign-in page.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
    await signInWithForm(page, 'marieke@jansen.test', PASSWORD);
    await page.getByRole('heading', { name: 'Ons plan' }).waitFor();
    await context.close();
  });
});
