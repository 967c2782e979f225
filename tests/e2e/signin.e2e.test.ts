import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFamily, makeUser, makeOrganisation, PASSWORD } from '../support/test-app';
import { browserAvailable, browserSuite, expectNoAxeViolations, SCREENSHOT_DIR } from './browser';

describe.skipIf(!browserAvailable())('the sign-in page in a real browser', () => {
  const suite = browserSuite(async (t) => {
    const org = await makeOrganisation(t, 'wijkteam', 'Wijkteam Noord');
    const sanne = await makeUser(t, org, ['professional'], 'Sanne de Vries');
    const email = sanne.email;
    const family = await makeFamily(sanne.client, 'Gezin Jansen');
    const goal = await sanne.client.create<{ id: string }>(`/api/v1/families/${family.id}/goals`, { title: 'We hebben rust over geld', lifeDomain: 'financien', memberIds: [family.parentId] });
    await sanne.client.create(`/api/v1/families/${family.id}/goals/${goal.id}/actions`, { title: 'Brieven van schuldeisers verzamelen', assigneeUserId: sanne.id, dueDate: '2020-01-01' });
    await sanne.client.create(`/api/v1/families/${family.id}/supporters`, { name: 'Oma Riet', relation: 'grootmoeder' });
    return { email };
  });

  for (const width of [1280, 390]) {
    it(`signs in, shows my families and signs out, at ${width} px, without accessibility violations`, async () => {
      const { browser, baseUrl, email } = suite;
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'nl-NL' });
      const page = await context.newPage();
      await page.goto(baseUrl);
      await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
      await expectNoAxeViolations(page);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `signin-${width}.png`), fullPage: true });

      await page.getByRole('region', { name: 'Inloggen' }).getByLabel('E-mailadres').fill(email);
      await page.getByRole('region', { name: 'Inloggen' }).getByLabel('Wachtwoord').fill('not the password at all');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('klopt niet');
      await expectNoAxeViolations(page);

      await page.getByRole('region', { name: 'Inloggen' }).getByLabel('Wachtwoord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('heading', { name: 'Mijn gezinnen' }).waitFor();
      const families = page.getByRole('region', { name: 'Mijn gezinnen' });
      await families.getByRole('link', { name: 'Gezin Jansen' }).waitFor();
      expect(await families.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Gezin Jansen')]);
      const actions = page.getByRole('region', { name: 'Mijn acties' });
      await actions.getByText('Brieven van schuldeisers verzamelen').waitFor();
      await expectNoAxeViolations(page);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `my-work-${width}.png`), fullPage: true });

      // The family: members, who helps (the network map and the list), the plan grouped by focus, the timeline.
      await families.getByRole('link', { name: 'Gezin Jansen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Gezin Jansen' }).waitFor();
      await page.getByRole('region', { name: 'Het plan' }).getByRole('heading', { name: 'We hebben rust over geld' }).waitFor();
      expect(await page.getByRole('region', { name: 'Gezinsleden' }).getByRole('listitem').count()).toBe(2);
      await page.getByRole('img', { name: /Netwerk van het gezin/ }).waitFor();
      await page.getByRole('region', { name: 'Nu aan werken' }).waitFor();
      await expectNoAxeViolations(page);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `family-${width}.png`), fullPage: true });
      await page.getByRole('link', { name: 'Gezinsplan' }).click();
      await page.getByRole('heading', { name: 'Mijn werk' }).waitFor();

      // The session survives a reload (cookie), and signing out ends it on the server.
      await page.reload();
      await page.getByRole('heading', { name: 'Mijn gezinnen' }).waitFor();
      await page.getByRole('button', { name: 'Uitloggen' }).click();
      await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Mijn gezinnen' }).isVisible()).toBe(false);
      await context.close();
    });
  }
});
