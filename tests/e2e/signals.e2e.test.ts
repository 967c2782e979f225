import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, PARENT, PASSWORD } from '../support/test-app';
import { browserAvailable, browserSuite, expectNoAxeViolations, SCREENSHOT_DIR, signInWithForm } from './browser';

/**
 * Signals in Chromium (issue 6): two professionals of different organisations, who did not know of each other, each
 * keep a file with the same child. Each sees a Gezinsplan signal in Mijn werk with the other's contact details; one
 * proposes one care team, the other records why that is not needed.
 */
describe.skipIf(!browserAvailable())('signals, in a real browser', () => {
  const suite = browserSuite(async (t) => {
    const sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Noord'), ['professional'], 'Sanne de Vries');
    const iris = await makeUser(t, await makeOrganisation(t, 'specialist-jeugdhulp', 'Jeugdhulp De Brug'), ['professional'], 'Iris Mulder');
    await t.db.updateTable('users').set({ phone: '020 123 4567' }).where('id', '=', iris.id).execute();
    const bsn = '111222333';
    const mine = await sanne.client.create<{ id: string }>('/api/v1/families', {
      name: 'Gezin Jansen', members: [PARENT, { givenName: 'Tim', familyName: 'Jansen', birthDate: '2013-02-03', role: 'child', hasCustody: false, bsn }],
    });
    await iris.client.create('/api/v1/families', {
      name: 'Familie Bakker', members: [{ givenName: 'Timothy', familyName: 'Bakker', birthDate: '2013-02-03', role: 'child', hasCustody: false, bsn }],
    });
    return { sanne, iris, familyId: mine.id };
  });

  it('both see the signal in Mijn werk; one proposes one team, the other records why not', async () => {
    const { browser, baseUrl, sanne, iris, familyId } = suite;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await signInWithForm(page, sanne.email, PASSWORD);
    const section = page.getByRole('region', { name: 'Signalen' });
    await section.getByText(/Dit is een signaal van Gezinsplan zelf\. Het is geen melding in de Verwijsindex\./).waitFor();
    const signal = section.getByRole('article', { name: 'Een andere organisatie werkt ook met een kind uit dit gezin' });
    await signal.getByText('Neem contact op met Iris Mulder (Jeugdhulp De Brug).').waitFor();
    await signal.getByRole('link', { name: iris.email }).waitFor();
    await signal.getByRole('link', { name: '020 123 4567' }).waitFor();
    await signal.getByRole('link', { name: 'Gezin Jansen' }).waitFor();
    expect(await section.textContent()).not.toContain('Bakker');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'signals-my-work-1280.png'), fullPage: true });
    await signal.getByRole('button', { name: 'Eén team voorstellen' }).click();
    await signal.getByText('U heeft voorgesteld om samen één team te vormen. U wacht op antwoord.').waitFor();
    // The family's file says a signal is open, and where to see it.
    await page.goto(`${baseUrl}/gezinnen/${familyId}`);
    await page.getByText('Er is een open signaal: een andere organisatie werkt ook met een kind uit dit gezin.').waitFor();
    await expectNoAxeViolations(page);
    await context.close();

    const other = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
    const mobile = await other.newPage();
    await mobile.goto(baseUrl);
    await signInWithForm(mobile, iris.email, PASSWORD);
    const hers = mobile.getByRole('region', { name: 'Signalen' }).getByRole('article', { name: 'Een andere organisatie werkt ook met een kind uit dit gezin' });
    await hers.getByText('Neem contact op met Sanne de Vries (Wijkteam Noord).').waitFor();
    await hers.getByText('Sanne de Vries vraagt of u in het team van de andere organisatie wilt komen. Dan werkt u samen in één team.').waitFor();
    expect(await hers.textContent()).not.toContain('Jansen');
    await hers.getByRole('button', { name: 'Vastleggen waarom niet' }).click();
    await hers.getByRole('button', { name: 'Reden opslaan' }).click();
    await hers.getByText('Schrijf op waarom één team niet nodig is.').waitFor();
    expect(await hers.getByLabel('Waarom is één team niet nodig?').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(mobile);
    await mobile.screenshot({ path: path.join(SCREENSHOT_DIR, 'signals-decline-390.png'), fullPage: true });
    await hers.getByLabel('Waarom is één team niet nodig?').fill('We hebben gebeld: De Brug stopt over twee weken, het wijkteam houdt de regie.');
    await hers.getByRole('button', { name: 'Reden opslaan' }).click();
    await mobile.getByText('De reden is vastgelegd. Het signaal is afgehandeld.').waitFor();
    await expectNoAxeViolations(mobile);
    await other.close();
  });
});
