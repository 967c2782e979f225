import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFamily, makeUser, makeOrganisation, PASSWORD, startTestApp, type TestApp } from '../support/test-app';
import { browserAvailable, launchBrowser, SCREENSHOT_DIR } from './browser';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

describe.skipIf(!browserAvailable())('the sign-in page in a real browser', () => {
  let t: TestApp;
  let browser: Browser;
  let baseUrl: string;
  let email: string;

  beforeAll(async () => {
    t = await startTestApp();
    const org = await makeOrganisation(t, 'wijkteam', 'Wijkteam Noord');
    const sanne = await makeUser(t, org, ['professional'], 'Sanne de Vries');
    email = sanne.email;
    await makeFamily(sanne.client, 'Gezin Jansen');
    baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const width of [1280, 390]) {
    it(`signs in, shows my families and signs out, at ${width} px, without accessibility violations`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'nl-NL' });
      const page = await context.newPage();
      await page.goto(baseUrl);
      await expect(page.getByRole('heading', { name: 'Inloggen' }).isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `signin-${width}.png`), fullPage: true });

      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Wachtwoord').fill('not the password at all');
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('klopt niet');
      await expectNoAxeViolations(page);

      await page.getByLabel('Wachtwoord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Inloggen' }).click();
      await page.getByRole('heading', { name: 'Mijn gezinnen' }).waitFor();
      expect(await page.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Gezin Jansen')]);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `home-${width}.png`), fullPage: true });

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
