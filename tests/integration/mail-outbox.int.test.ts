import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { releaseHeldMail, sendDueMail, smtpTransport, type MailSettings } from '../../packages/server/src/modules/notifications';
import { makeFamily, makeOrganisation, makeUser, startTestApp, type TestApp } from '../support/test-app';

type Person = Awaited<ReturnType<typeof makeUser>>;
interface Received { to: string; text: string }

const DAY = 24 * 3600_000;

/** A small SMTP server in the test: it keeps every message it receives, so the test can count them. */
class TestMailServer {
  readonly received: Received[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(): Promise<void> {
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), text: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * The outbox (issue 6): mail leaves outside any request, from rows written in the transaction of the change; a mail
 * server that is down loses nothing (each row is retried with backoff), and once it is back every row is delivered
 * exactly once, counted at the SMTP server itself. Rounds of the sender run at chosen moments, never by waiting.
 */
describe('mail outbox', () => {
  let t: TestApp;
  let smtp: TestMailServer;
  let mail: MailSettings;
  let sanne: Person;
  let mo: Person;
  let kim: Person;
  let base: string;
  let goalId: string;

  const assign = (who: Person, title: string) => sanne.client.create(`${base}/goals/${goalId}/actions`, { title, assigneeUserId: who.id });
  const rows = () => t.db.selectFrom('mail_outbox').selectAll().orderBy('created_at').execute();
  const sentTo = (email: string) => smtp.received.filter((m) => m.to === email);

  beforeAll(async () => {
    t = await startTestApp();
    smtp = new TestMailServer();
    await smtp.start();
    mail = { transport: smtpTransport(`smtp://127.0.0.1:${smtp.port}`), from: 'Gezinsplan <noreply@gezinsplan.test>', appUrl: 'https://gezinsplan.test/' };
    const wijkteam = await makeOrganisation(t, 'wijkteam', 'Wijkteam Oost');
    sanne = await makeUser(t, wijkteam, ['professional'], 'Sanne de Vries');
    mo = await makeUser(t, wijkteam, ['professional'], 'Mohammed Benali');
    kim = await makeUser(t, wijkteam, ['professional'], 'Kim de Wit');
    const family = await makeFamily(sanne.client, 'Gezin Bakker');
    base = `/api/v1/families/${family.id}`;
    for (const who of [mo, kim]) await sanne.client.create(`${base}/team`, { userId: who.id, role: 'member' });
    goalId = (await sanne.client.create(`${base}/goals`, { title: 'Rust over geld', lifeDomain: 'financien', memberIds: [family.parentId] })).id;
  });
  afterAll(async () => {
    await smtp?.stop();
    await t?.close();
  });

  it('delivers each mail exactly once, with a link and nothing about the family', async () => {
    await assign(mo, 'Brieven van de bank sorteren');
    await assign(mo, 'Afspraak met de schuldhulp maken');
    const first = await sendDueMail(t.db, mail);
    expect(first).toEqual({ sent: 2, failed: 0, held: 0 });
    expect(await sendDueMail(t.db, mail, new Date(Date.now() + DAY))).toEqual({ sent: 0, failed: 0, held: 0 });
    expect(sentTo(mo.email)).toHaveLength(2);
    for (const m of sentTo(mo.email)) {
      expect(m.text).toContain('https://gezinsplan.test/meldingen');
      expect(m.text).not.toMatch(/Bakker|Marieke|Tim|bank|schuldhulp/i);
    }
    expect((await rows()).map((r) => [r.status, r.attempts])).toEqual([['sent', 1], ['sent', 1]]);
  });

  it('keeps retrying while the mail server is down, and delivers every row once when it is back', async () => {
    await smtp.stop();
    const before = smtp.received.length;
    await assign(mo, 'Formulier toeslagen invullen');
    await assign(kim, 'Huisbezoek plannen');
    await assign(kim, 'Gesprek met school');
    const now = Date.now();
    expect(await sendDueMail(t.db, mail, new Date(now))).toEqual({ sent: 0, failed: 3, held: 0 });
    // Not due again until the backoff has passed; then it fails again, waiting longer each time.
    expect(await sendDueMail(t.db, mail, new Date(now + 1000))).toEqual({ sent: 0, failed: 0, held: 0 });
    expect(await sendDueMail(t.db, mail, new Date(now + 2 * 60_000))).toEqual({ sent: 0, failed: 3, held: 0 });
    const waiting = (await rows()).filter((r) => r.status === 'pending');
    expect(waiting).toHaveLength(3);
    for (const r of waiting) {
      expect(r.attempts).toBe(2);
      expect(r.last_error).toMatch(/^[A-Z0-9_]+/);
      expect(r.last_error).not.toContain('@');
      expect(new Date(r.next_attempt_at).getTime()).toBeGreaterThan(now + 2 * 60_000 + 60_000);
    }
    expect(smtp.received.length).toBe(before);

    await smtp.start();
    // Two senders at once (two app servers): the claimed rows are skipped by the other, so none goes twice.
    const later = new Date(now + DAY);
    const rounds = await Promise.all([sendDueMail(t.db, mail, later), sendDueMail(t.db, mail, later)]);
    expect(rounds[0]!.sent + rounds[1]!.sent).toBe(3);
    expect(await sendDueMail(t.db, mail, new Date(now + 2 * DAY))).toEqual({ sent: 0, failed: 0, held: 0 });
    expect(smtp.received.length).toBe(before + 3);
    expect(sentTo(kim.email)).toHaveLength(2);
    const all = await rows();
    expect(all.every((r) => r.status === 'sent' && r.sent_at !== null && r.last_error === null)).toBe(true);
    expect(all).toHaveLength(5);
  });

  it('composes one digest a day and sends it once, the next morning', async () => {
    const lotte = await makeUser(t, sanne.organisationId, ['professional'], 'Lotte Smit');
    await sanne.client.create(`${base}/team`, { userId: lotte.id, role: 'member' });
    expect((await lotte.client.request('PUT', '/api/v1/me/notification-preferences', { mail: 'daily-digest' })).statusCode).toBe(200);
    await assign(lotte, 'Verslag lezen');
    await assign(lotte, 'Netwerkkaart maken');
    expect(await sendDueMail(t.db, mail)).toEqual({ sent: 0, failed: 0, held: 0 });
    const nextMorning = new Date(Date.now() + DAY + 12 * 3600_000);
    expect(await sendDueMail(t.db, mail, nextMorning)).toEqual({ sent: 1, failed: 0, held: 0 });
    expect(await sendDueMail(t.db, mail, new Date(nextMorning.getTime() + DAY))).toEqual({ sent: 0, failed: 0, held: 0 });
    const digests = sentTo(lotte.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.text).toContain('2 nieuwe meldingen');
    expect(digests[0]!.text).not.toMatch(/Verslag|Netwerkkaart|Bakker/);
  });

  it('without a mail server, marks mail as not sent for admins to see, and sends it once a server is set', async () => {
    await assign(mo, 'Belastingaangifte nakijken');
    const noServer: MailSettings = { ...mail, transport: null };
    expect(await sendDueMail(t.db, noServer)).toMatchObject({ held: 1 });
    const outbox = (await t.admin.get('/api/v1/admin/mail-outbox?status=no-server')).json() as { items: { recipientEmail: string; lastError: string }[] };
    expect(outbox.items).toEqual([expect.objectContaining({ recipientEmail: mo.email, lastError: 'not sent: no mail server' })]);
    const before = sentTo(mo.email).length;
    expect(await releaseHeldMail(t.db)).toBe(1);
    expect(await sendDueMail(t.db, mail)).toEqual({ sent: 1, failed: 0, held: 0 });
    expect(await sendDueMail(t.db, mail, new Date(Date.now() + DAY))).toMatchObject({ sent: 0 });
    expect(sentTo(mo.email)).toHaveLength(before + 1);
  });
});
