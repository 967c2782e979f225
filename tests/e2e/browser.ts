import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApp, totpSecrets, type TestApp } from '../support/test-app';
import { totpCode } from '../../packages/server/src/platform/auth/totp';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve('tests/e2e/screenshots');

/**
 * Whether the browser suite can run here. In CI a missing Chromium is a failure (CI installs it); elsewhere the
 * suite is skipped with a message saying so, never silently.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') throw new Error(`Chromium not found at ${CHROMIUM_PATH}; CI must install it (apt-get install -y chromium).`);
  process.stderr.write(`\n  Browser suite SKIPPED: no Chromium at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium\n\n`);
  return false;
}

export interface BrowserSuite { t: TestApp; browser: Browser; baseUrl: string }

/**
 * One browser suite's world: the real server on a fresh embedded database, listening on a free port, and Chromium.
 * `prepare` adds the suite's people and families and returns what the tests need; the tests read it all from the
 * returned object once `beforeAll` has run, and everything is closed afterwards.
 */
export function browserSuite<F extends object>(prepare: (t: TestApp) => Promise<F>): BrowserSuite & F {
  const suite = {} as BrowserSuite & F;
  beforeAll(async () => {
    const t = await startTestApp();
    Object.assign(suite, { t }, await prepare(t));
    suite.baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.t?.close();
  });
  return suite;
}

export async function launchBrowser(): Promise<Browser> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** WCAG 2.1 A and AA, as axe checks them: the page must have no violations. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

/** Signs in through the sign-in page as a person would: email address, password, the button. */
export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByRole('region', { name: 'Inloggen' });
  await form.getByLabel('E-mailadres').fill(email);
  await form.getByLabel('Wachtwoord').fill(password);
  await form.getByRole('button', { name: 'Inloggen' }).click();
}

/**
 * Signs in someone whose role needs the second step, with the next code of the app set up when their account was
 * made in the test (each code counts once, and signing up used the current one).
 */
export async function signInWithSecondStep(page: Page, email: string, password: string): Promise<void> {
  await signInWithForm(page, email, password);
  await page.getByLabel('Code').fill(totpCode(totpSecrets.get(email)!, new Date(Date.now() + 30_000)));
  await page.getByRole('button', { name: 'Verder' }).click();
}

/**
 * Drags one element onto another with the mouse, in small steps as a hand would: Chromium starts an HTML drag only
 * after the pointer has moved a few pixels with the button down, which Playwright's one-step `dragTo` does not do.
 */
export async function dragWithMouse(page: Page, source: Locator, target: Locator): Promise<void> {
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + Math.min(12, from.height / 2));
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 8, from.y + Math.min(12, from.height / 2) + 8, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(12, to.height / 2), { steps: 12 });
  await page.mouse.up();
}
