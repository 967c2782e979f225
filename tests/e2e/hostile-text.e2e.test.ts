import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeFamily, makeOrganisation, makeUser, PASSWORD } from '../support/test-app';
import { browserAvailable, browserSuite, signInWithForm } from './browser';

/**
 * Script injection stored as text is rendered inert by the web app (issue 7, "Bad input"). The payloads sit in the
 * text fields the app shows — family name, member and supporter names, goal, action and help-option titles, a
 * timeline note — and each, if it ever ran, would call `window.__pwned` (bound by `exposeFunction`). The pages are
 * opened twice: once with the browser's Content Security Policy bypassed, so that only the app's own rendering
 * stands between a payload and execution; and once as served, where the CSP must not even have had to refuse
 * anything. Each page shows the payloads as literal text, and its DOM holds none of the elements they describe.
 */
const PAYLOADS = {
  family: `Gezin <img src=x onerror="window.__pwned('family')">`,
  member: `"><svg onload=window.__pwned('member')>`,
  goal: `<script>window.__pwned('goal')</script> Rust over geld`,
  action: `javascript:window.__pwned('action')`,
  note: `<img src=x onerror=window.__pwned('note')> <a href="javascript:window.__pwned('note-link')">klik</a> javascript:window.__pwned('note-url')`,
  supporter: `<iframe src="javascript:window.__pwned('supporter')"></iframe>`,
  contact: `javascript:window.__pwned('contact')`,
  option: `'><svg/onload=window.__pwned('option')><script>window.__pwned('option-2')</script>`,
} as const;

/** Elements or attributes a payload would create if the app put text into the page as HTML. */
const INJECTED = 'img[src="x"], svg[onload], [onerror], [onload], iframe, script:not([src]), a[href^="javascript:" i], [src^="javascript:" i]';

describe.skipIf(!browserAvailable())('script injection stored as text renders as text, in a real browser', () => {
  const suite = browserSuite(async (t) => {
    const sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Oost'), ['professional'], 'Sanne de Vries');
    const c = sanne.client;
    const family = await makeFamily(c, PAYLOADS.family);
    const base = `/api/v1/families/${family.id}`;
    await c.create(`${base}/members`, { givenName: PAYLOADS.member, familyName: 'Jansen', birthDate: '2016-09-01', role: 'child' });
    const goal = await c.create<{ id: string }>(`${base}/goals`, { title: PAYLOADS.goal, lifeDomain: 'financien', memberIds: [family.parentId], focus: 'now' });
    await c.create(`${base}/goals/${goal.id}/actions`, { title: PAYLOADS.action, assigneeUserId: sanne.id, dueDate: '2030-03-01' });
    await c.create(`${base}/timeline`, { body: PAYLOADS.note, lifeDomain: 'financien' });
    await c.create(`${base}/supporters`, { name: PAYLOADS.supporter, relation: 'buurvrouw', contact: PAYLOADS.contact });
    await c.create(`${base}/goals/${goal.id}/options`, { title: PAYLOADS.option, asksOfFamily: 'Zes avonden' });
    return { sanne, familyId: family.id, goalId: goal.id };
  });

  /** A fresh context whose page reports every call of the payloads' function, every dialog and every CSP refusal. */
  async function watchedPage(context: BrowserContext): Promise<{ page: Page; calls: string[]; dialogs: string[] }> {
    const calls: string[] = [];
    const dialogs: string[] = [];
    await context.exposeFunction('__pwned', (who: unknown) => { calls.push(String(who)); });
    await context.addInitScript(() => {
      const w = window as unknown as { __cspRefusals: string[] };
      w.__cspRefusals = [];
      document.addEventListener('securitypolicyviolation', (e) => { w.__cspRefusals.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`); });
    });
    const page = await context.newPage();
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    return { page, calls, dialogs };
  }

  /** The page shows each of `texts` literally, holds nothing a payload would create, and nothing ran. */
  async function expectInert(page: Page, texts: string[], calls: string[], dialogs: string[]): Promise<void> {
    for (const text of texts) await page.getByText(text, { exact: false }).first().waitFor();
    // Give an onerror (the image "x" fails to load) and an onload time to fire, had they been created.
    await page.waitForLoadState('networkidle');
    expect(await page.locator(INJECTED).count()).toBe(0);
    const body = await page.locator('body').textContent();
    for (const text of texts) expect(body).toContain(text);
    expect(calls).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __cspRefusals: string[] }).__cspRefusals)).toEqual([]);
  }

  for (const bypassCSP of [true, false]) {
    it(`renders every payload as literal text${bypassCSP ? ' with the CSP bypassed (the app alone keeps it inert)' : ', and the CSP had nothing to refuse'}`, async () => {
      const { browser, baseUrl, sanne, familyId, goalId } = suite;
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL', bypassCSP });
      const { page, calls, dialogs } = await watchedPage(context);
      await page.goto(`${baseUrl}/gezinnen/${familyId}`);
      await signInWithForm(page, sanne.email, PASSWORD);
      await page.getByRole('heading', { level: 1, name: PAYLOADS.family }).waitFor();
      await expectInert(page, [PAYLOADS.family, PAYLOADS.member, PAYLOADS.goal, PAYLOADS.action, PAYLOADS.note, PAYLOADS.supporter, PAYLOADS.contact], calls, dialogs);

      await page.goto(`${baseUrl}/gezinnen/${familyId}/doelen/${goalId}`);
      await expectInert(page, [PAYLOADS.goal, PAYLOADS.option], calls, dialogs);

      // Mijn werk: the family in the caseload, the action in my actions.
      await page.goto(baseUrl);
      await expectInert(page, [PAYLOADS.family, PAYLOADS.action], calls, dialogs);
      await context.close();
    });
  }
});
