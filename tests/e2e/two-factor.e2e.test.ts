import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { totpCode } from '../../packages/server/src/platform/auth/totp';
import { makeFamily, makeOrganisation, makeUser, PASSWORD } from '../support/test-app';
import { browserAvailable, browserSuite, expectNoAxeViolations, SCREENSHOT_DIR, signInWithForm } from './browser';

describe.skipIf(!browserAvailable())('two-factor sign-in in a real browser', () => {
  const suite = browserSuite(async (t) => {
    const org = await makeOrganisation(t, 'wijkteam', 'Wijkteam Noord');
    await t.admin.create('/api/v1/users', { email: 'privacy@noord.test', name: 'Pieter de Groot', password: PASSWORD, organisationId: org, roles: ['privacy-officer'] });
    // A colleague broke the glass in a family of their organisation: it waits for review.
    const sanne = await makeUser(t, org, ['professional'], 'Sanne de Vries');
    const family = await makeFamily(sanne.client);
    await sanne.client.create(`/api/v1/families/${family.id}/break-glass`, { categories: ['safety'], reason: 'Buren melden geschreeuw en een huilend kind.', hours: 2 });
    return {};
  });

  it('has a privacy officer set up the app with the QR code, keep the recovery codes, and sign in with a code next time', async () => {
    const { browser, baseUrl } = suite;
    const context = await browser.newContext({ viewport: { width: 390, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    const signIn = async () => {
      await page.goto(baseUrl);
      await signInWithForm(page, 'privacy@noord.test', PASSWORD);
    };

    await signIn();
    const enrol = page.getByRole('region', { name: 'Inloggen in twee stappen instellen' });
    await enrol.waitFor();
    await page.getByRole('img', { name: /QR-code/ }).waitFor();
    const secret = (await page.getByTestId('secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'two-factor-enrol-390.png'), fullPage: true });

    await enrol.getByLabel('Code uit de app (6 cijfers)').fill('000000');
    await enrol.getByRole('button', { name: 'Bevestigen' }).click();
    await enrol.getByRole('alert').waitFor();
    expect(await enrol.getByRole('alert').textContent()).toContain('klopt niet');
    await enrol.getByLabel('Code uit de app (6 cijfers)').fill(totpCode(secret));
    await enrol.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByText('Bewaar deze herstelcodes').waitFor();
    const codes = await enrol.getByRole('listitem').allTextContents();
    expect(codes).toHaveLength(10);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'two-factor-recovery-codes-390.png'), fullPage: true });
    await page.getByRole('button', { name: 'Ik heb ze bewaard' }).click();
    // The privacy officer's desk: the grant waiting for review, judged; the log searched for emergency access.
    await page.getByRole('heading', { name: 'Privacy' }).waitFor();
    const reviews = page.getByRole('region', { name: 'Noodtoegang beoordelen' });
    await reviews.getByText('Reden: Buren melden geschreeuw en een huilend kind.').waitFor();
    const search = page.getByRole('region', { name: 'Wie heeft wat bekeken?' });
    await search.getByLabel('Alleen noodtoegang').check();
    await search.getByRole('button', { name: 'Zoeken' }).click();
    await search.getByRole('list').getByText(/break-glass.opened/).waitFor();
    await search.getByRole('link', { name: 'Download als CSV' }).waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'privacy-officer-390.png'), fullPage: true });
    await reviews.getByRole('button', { name: 'Terecht: Sanne de Vries', exact: true }).click();
    await reviews.getByText('Er wacht niets op beoordeling.').waitFor();
    await page.getByRole('button', { name: 'Uitloggen' }).click();

    // Next time: the password, then the code step; a recovery code works there too.
    await signIn();
    const step = page.getByRole('region', { name: 'Tweede stap' });
    await step.waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'two-factor-code-390.png'), fullPage: true });
    await step.getByLabel('Code').fill(codes[0]!);
    await step.getByRole('button', { name: 'Verder' }).click();
    await page.getByRole('heading', { name: 'Privacy' }).waitFor();
    await context.close();
  });
});
