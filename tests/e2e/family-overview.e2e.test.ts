import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFamily, makeOrganisation, makeUser, PASSWORD } from '../support/test-app';
import { shareFamily } from '../support/sharing';
import { browserAvailable, browserSuite, dragWithMouse, expectNoAxeViolations, SCREENSHOT_DIR, signInWithForm } from './browser';

describe.skipIf(!browserAvailable())('the family overview, kept up to date in a real browser', () => {
  const suite = browserSuite(async (t) => {
    const sanne = await makeUser(t, await makeOrganisation(t, 'wijkteam', 'Wijkteam Zuid'), ['professional'], 'Sanne de Vries');
    const ilse = await makeUser(t, await makeOrganisation(t, 'jeugdteam', 'Jeugdteam Zuid'), ['professional'], 'Ilse Kramer');
    const family = await makeFamily(sanne.client, 'Gezin Jansen');
    await shareFamily(t, sanne, family, [ilse.organisationId]);
    await sanne.client.create(`/api/v1/families/${family.id}/team`, { userId: ilse.id, role: 'member', responsibility: 'Gesprekken met Tim' });
    for (const [title, focus] of [['Tim gaat weer elke dag naar school', 'now'], ['Rust over geld', 'now'], ['Een eigen kamer voor Tim', 'later']] as const) {
      await sanne.client.create(`/api/v1/families/${family.id}/goals`, { title, lifeDomain: 'financien', memberIds: [family.parentId], focus });
    }
    return { sanne, ilse, family };
  });

  it('adds and corrects members and supporters, sets team domains, hands over coordination and reorders goals by dragging', async () => {
    const { browser, baseUrl, sanne, ilse, family } = suite;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/gezinnen/${family.id}`);
    await signInWithForm(page, sanne.email, PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Gezin Jansen' }).waitFor();

    // A member with a wrong BSN: the field says what is wrong, in Dutch, and nothing is saved.
    const members = page.getByRole('region', { name: 'Gezinsleden' });
    await members.locator('summary', { hasText: 'Gezinslid toevoegen' }).click();
    await members.getByLabel('Voornaam').fill('Noor');
    await members.getByLabel('Geboortedatum').fill('2019-08-30');
    await members.getByLabel('BSN (mag leeg blijven)').fill('123456789');
    await members.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    await members.getByText('Dit is geen geldig BSN. Een BSN heeft 9 cijfers.').waitFor();
    expect(await members.getByLabel('BSN (mag leeg blijven)').getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page);
    await members.getByLabel('BSN (mag leeg blijven)').fill('111222333');
    await members.getByRole('button', { name: 'Gezinslid toevoegen' }).click();
    await members.getByText('Noor staat nu bij de gezinsleden.').waitFor();
    await members.getByText('Noor Jansen').waitFor();
    await members.getByText(/^kind, \d+ jaar, BSN bekend$/).waitFor();

    // Correct the mother's name in place.
    await members.getByRole('button', { name: 'Wijzigen: Marieke' }).click();
    const edit = members.getByRole('form', { name: 'Wijzigen: Marieke' });
    await edit.getByLabel('Voornaam').fill('Marieke Anna');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await members.getByText('De gegevens van Marieke Anna zijn aangepast.').waitFor();
    await members.getByText('Marieke Anna Jansen').waitFor();

    // Someone from the informal network.
    const supporters = page.getByRole('region', { name: 'Mensen om het gezin heen' });
    await supporters.getByText('Iemand toevoegen').click();
    await supporters.getByRole('button', { name: 'Toevoegen' }).click();
    expect(await supporters.getByText('Vul dit in.').count()).toBe(2);
    await supporters.getByLabel('Naam').fill('Els de Groot');
    await supporters.getByLabel('Wie is het voor het gezin?').fill('Oma');
    await supporters.getByLabel('Telefoon of e-mail (mag leeg blijven)').fill('06 1234 5678');
    await supporters.getByRole('button', { name: 'Toevoegen' }).click();
    await supporters.getByText('Els de Groot staat nu bij de mensen om het gezin heen.').waitFor();
    await supporters.getByText('06 1234 5678').waitFor();

    // The youth worker's domains, then coordination handed over with a note (asked for before anything is sent).
    const team = page.getByRole('region', { name: 'Wie helpt' });
    await team.getByRole('button', { name: 'Wijzigen: Ilse Kramer' }).click();
    const ilseForm = team.getByRole('form', { name: 'Wijzigen: Ilse Kramer' });
    await ilseForm.getByLabel('School', { exact: true }).check();
    await ilseForm.getByLabel('Rol in het team').selectOption({ label: 'Regievoerder' });
    await ilseForm.getByRole('button', { name: 'Opslaan' }).click();
    // The two parts a handover cannot do without are asked for.
    await ilseForm.getByText('Vul dit in.').first().waitFor();
    expect(await ilseForm.getByText('Vul dit in.').count()).toBe(2);
    await expectNoAxeViolations(page);
    await ilseForm.getByLabel('Wat werkt goed bij dit gezin?').fill('Korte afspraken bij moeder thuis.');
    await ilseForm.getByLabel('Waar moet de volgende op letten?').fill('Schoolgesprek staat op 2 december.');
    await ilseForm.getByLabel('Wie vertrouwt het gezin? (mag leeg blijven)').fill('Moeder vertrouwt vooral oma Els.');
    await ilseForm.getByRole('button', { name: 'Opslaan' }).click();
    await team.getByText('De rol van Ilse Kramer is aangepast.').waitFor();
    await page.getByText('Regievoerder: Ilse Kramer (Jeugdteam Zuid)').waitFor();
    await team.getByText('School', { exact: true }).waitFor();
    // The handover is kept for the new coordinator, with who coordinated when.
    const continuity = page.getByRole('region', { name: 'Samenwerking door de tijd' });
    await continuity.locator('summary', { hasText: 'Nieuwe regievoerder: Sanne de Vries aan Ilse Kramer' }).click();
    await continuity.getByText('Moeder vertrouwt vooral oma Els.').waitFor();
    await continuity.getByText(/^Ilse Kramer \(Jeugdteam Zuid\): .* – nu$/).waitFor();
    await page.getByRole('region', { name: 'Wat er gebeurde' }).getByText('Nieuwe regievoerder').first().waitFor();

    // Sanne is no longer the coordinator, but still writes the plan with the family: drag the 'later' goal up.
    const plan = page.getByRole('region', { name: 'Het plan' });
    const now = plan.getByRole('region', { name: 'Nu aan werken' });
    const later = plan.getByRole('region', { name: 'Later' });
    await page.setViewportSize({ width: 1280, height: 1400 });
    await dragWithMouse(page, later.getByRole('heading', { name: 'Een eigen kamer voor Tim' }), now.getByRole('heading', { name: 'Tim gaat weer elke dag naar school' }));
    await now.getByRole('article', { name: 'Een eigen kamer voor Tim' }).waitFor();
    const order = await now.getByRole('heading', { level: 4 }).allTextContents();
    expect(order).toEqual(['Een eigen kamer voor Tim', 'Tim gaat weer elke dag naar school', 'Rust over geld']);
    // Three goals now: a new goal starts under 'Later', and the form says why.
    await plan.locator('summary', { hasText: 'Doel toevoegen' }).click();
    await plan.getByText('‘Nu aan werken’ is vol: er staan al 3 doelen. Niet alles tegelijk; dit doel komt bij ‘Later’.').waitFor();
    expect(await plan.getByLabel('Wanneer').inputValue()).toBe('later');
    await plan.locator('summary', { hasText: 'Doel toevoegen' }).click();
    // With nothing left in 'Later', that group still takes a goal dragged into it.
    await later.getByText('Sleep een doel hierheen.').waitFor();
    await dragWithMouse(page, now.getByRole('heading', { name: 'Rust over geld' }), later.getByText('Sleep een doel hierheen.'));
    await later.getByRole('article', { name: 'Rust over geld' }).waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'family-overview-edit-1280.png'), fullPage: true });

    // On paper: the family's name, the date, the plan and whom to call; no buttons, forms or timeline.
    await page.emulateMedia({ media: 'print' });
    await page.getByText(/^Afgedrukt op \d+ \w+ \d{4}$/).waitFor();
    await team.getByRole('link', { name: `Mail Ilse Kramer: ${ilse.email}` }).waitFor();
    for (const hidden of [page.getByRole('button', { name: 'Plan afdrukken' }), page.getByRole('region', { name: 'Wat er gebeurde' }), page.getByRole('button', { name: /^Hoger/ }).first(), page.getByRole('banner')]) {
      expect(await hidden.isVisible()).toBe(false);
    }
    expect(await now.getByRole('article', { name: 'Een eigen kamer voor Tim' }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'family-print-a4.png'), fullPage: true });
    await context.close();
  });

  it('tells a professional in their caseload what others changed since their last visit, and marks it in the timeline', async () => {
    const { browser, baseUrl, sanne, ilse, family } = suite;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(baseUrl);
    await signInWithForm(page, ilse.email, PASSWORD);
    const families = page.getByRole('region', { name: 'Mijn gezinnen' });
    await families.getByText(/^Nog niet door u geopend · \d+ nieuwe wijziging/).waitFor();
    await families.getByRole('link', { name: 'Gezin Jansen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gezin Jansen' }).waitFor();
    // A first visit marks nothing as new: everything is.
    expect(await page.getByRole('region', { name: 'Wat er gebeurde' }).getByText('Nieuw', { exact: true }).count()).toBe(0);

    await page.getByRole('link', { name: 'Gezinsplan' }).click();
    await families.getByText(/^Laatst geopend: /).waitFor();
    await sanne.client.create(`/api/v1/families/${family.id}/timeline`, { body: 'Tim was vandaag op tijd op school.', lifeDomain: 'scholing' });
    await page.reload();
    await families.getByText('1 nieuwe wijziging sinds uw vorige bezoek').waitFor();
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'my-work-news-390.png'), fullPage: true });

    await families.getByRole('link', { name: 'Gezin Jansen' }).click();
    const timeline = page.getByRole('region', { name: 'Wat er gebeurde' });
    const note = timeline.getByRole('listitem').filter({ hasText: 'Tim was vandaag op tijd op school.' });
    await note.getByText('Nieuw', { exact: true }).waitFor();
    expect(await timeline.getByText('Nieuw', { exact: true }).count()).toBe(1);
    await context.close();
  });

  it('keeps what was typed when the session ends: the same person signs in again over the hidden page and carries on', async () => {
    const { t, browser, baseUrl, sanne, family } = suite;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/gezinnen/${family.id}`);
    await signInWithForm(page, sanne.email, PASSWORD);
    const timeline = page.getByRole('region', { name: 'Wat er gebeurde' });
    await timeline.locator('summary', { hasText: 'Notitie schrijven' }).click();
    const text = 'Gesprek met moeder over de brieven van de woningcorporatie; ze wil hulp bij het bellen.';
    await timeline.getByLabel('Notitie', { exact: true }).fill(text);
    await timeline.getByLabel('Leefgebied').selectOption({ label: 'Woning' });

    // Meanwhile the server ended the session (as it does after 30 idle minutes).
    await t.db.deleteFrom('sessions').where('user_id', '=', sanne.id).execute();
    await timeline.getByRole('button', { name: 'Notitie opslaan' }).click();
    await page.getByRole('heading', { name: 'U was een tijd niet actief' }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Gezin Jansen' }).isVisible()).toBe(false);
    expect(await timeline.isVisible()).toBe(false);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'session-ended-390.png'), fullPage: true });

    await page.getByLabel('Wachtwoord').fill('not the password');
    await page.getByRole('button', { name: 'Verder werken' }).click();
    await page.getByText('Het e-mailadres of het wachtwoord klopt niet.').waitFor();
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Verder werken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gezin Jansen' }).waitFor();
    expect(await timeline.getByLabel('Notitie', { exact: true }).inputValue()).toBe(text);
    await timeline.getByRole('button', { name: 'Notitie opslaan' }).click();
    await timeline.getByRole('listitem').filter({ hasText: text }).waitFor();
    await context.close();
  });
});
