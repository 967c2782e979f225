import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { openDatabase, type DatabaseHandle } from './platform/db/database';
import { migrate } from './platform/db/migrate';
import { backupDatabase, restoreDatabase } from './platform/db/backup';
import { verifyAuditLog } from './platform/audit/audit-verify';
import { buildApp } from './app';
import { createAdmin, hasAnyUser } from './bootstrap';
import { DEMO_PASSWORD, demoFamilyAccounts, demoPeople, DEMO_ADMIN, DEMO_TOTP_SECRET, seedDemo } from './demo/seed-demo';
import { totpCode } from './platform/auth/totp';
import { runRetention } from './modules/retention';
import { runNotificationSweep, smtpTransport, startNotificationJobs } from './modules/notifications';

const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

const usage = `gezinsplan <command>

  serve [--demo]     start the server (migrations run first); --demo seeds a demo region on an empty database
  migrate            apply pending database migrations
  seed-demo          seed the demo region into an empty database
  demo-code          print the second-factor code of the demo's admin and privacy officer, as an app would show it
  create-admin       create an administrator (--email, --password, --name; or GEZINSPLAN_ADMIN_EMAIL/PASSWORD)
  audit verify       check the audit log's hash chains and name the first broken record
  retention run      destroy the files whose retention period or scheduled erasure has come due (serve runs it hourly)
  notifications sweep  notify actions due tomorrow or overdue and evaluations coming up, each once (serve runs it hourly)
  backup <file>      write a backup: pg_dump custom format (PostgreSQL, online) or a tarball of the data directory (embedded; stop the server first)
  restore <file> [--force]  restore a backup into an empty database or data directory; --force replaces what is there

Environment: DATABASE_URL (PostgreSQL; default is embedded PGlite in GEZINSPLAN_DATA_DIR, default ./data),
DATABASE_POOL_SIZE (10), PORT (8080), HOST (127.0.0.1; 0.0.0.0 in a container), GEZINSPLAN_ADMIN_EMAIL, GEZINSPLAN_ADMIN_PASSWORD,
SMTP_URL (smtp://user:pass@host:587; without it mail waits in the outbox), MAIL_FROM, GEZINSPLAN_PUBLIC_URL (the link in mails),
GEZINSPLAN_PG_BIN (where pg_dump and pg_restore are, if not on PATH).`;

async function withDatabase<T>(work: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(loadConfig().database, { exclusive: true });
  try {
    await migrate(handle.db);
    return await work(handle);
  } finally {
    await handle.close();
  }
}

function printDemoLogins(url: string): void {
  const lines = [
    '',
    `  Gezinsplan draait op ${url}`,
    '',
    `  Demo-accounts (wachtwoord voor allemaal: ${DEMO_PASSWORD}):`,
    `    ${DEMO_ADMIN.padEnd(28)} beheerder (tweede stap)`,
    ...demoPeople.map((p) => `    ${p.email.padEnd(28)} ${p.name}, ${p.about}${p.roles.includes('privacy-officer') ? ' (tweede stap)' : ''}`),
    '',
    '  Gezinsleden die zelf inloggen:',
    ...demoFamilyAccounts.map((a) => `    ${a.email.padEnd(28)} ${a.about}`),
    '',
    `  Tweede stap: de code uit een authenticator-app met sleutel ${DEMO_TOTP_SECRET},`,
    '  of print de code van dit moment met: npm run gezinsplan -- demo-code',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

async function serve(demo: boolean): Promise<void> {
  const config = loadConfig();
  const handle = await openDatabase(config.database, { exclusive: true });
  await migrate(handle.db);
  const app = await buildApp({
    db: handle.db, secureCookies: config.secureCookies, trustProxy: config.trustProxy, logLevel: config.logLevel, benchCeiling: config.benchCeiling,
  });
  if (demo) {
    // Seed through a quiet twin of the app, so the console shows the logins and not two hundred seed requests.
    const seeder = await buildApp({ db: handle.db, logLevel: 'silent' });
    await seeder.ready();
    if (await seedDemo(handle.db, seeder)) process.stdout.write('Demo region seeded.\n');
    await seeder.close();
  } else if (!(await hasAnyUser(handle.db))) {
    const email = process.env.GEZINSPLAN_ADMIN_EMAIL;
    const password = process.env.GEZINSPLAN_ADMIN_PASSWORD;
    if (!email || !password) {
      await handle.close();
      process.stderr.write(
        'This database has no users yet. Set GEZINSPLAN_ADMIN_EMAIL and GEZINSPLAN_ADMIN_PASSWORD (12 to 128 characters,\n' +
        'not a common password) to create the first administrator, or run `npm run demo` to try Gezinsplan with demo data.\n',
      );
      process.exit(1);
    }
    await createAdmin(handle.db, { email, password });
    process.stdout.write(`First administrator ${email} created.\n`);
  }
  // The retention job, hourly; each run logs how many files it destroyed, never which family they were.
  const retention = setInterval(() => {
    runRetention(handle.db).then(
      (report) => { if (report.destroyed.length > 0) app.log.info({ destroyed: report.destroyed.length }, 'retention job destroyed files'); },
      (error: unknown) => app.log.error({ err: error }, 'retention job failed'),
    );
  }, RETENTION_INTERVAL_MS);
  retention.unref();
  // Mail goes out from the outbox, and the sweep notifies what is due, outside any request.
  const stopNotificationJobs = startNotificationJobs(handle.db, {
    transport: config.mail.smtpUrl ? smtpTransport(config.mail.smtpUrl) : null, from: config.mail.from, appUrl: config.mail.appUrl,
  }, app.log);
  const shutdown = async () => {
    clearInterval(retention);
    stopNotificationJobs();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`;
  if (demo) printDemoLogins(url);
  else process.stdout.write(`Gezinsplan listening on ${url}\n`);
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv, allowPositionals: true,
    options: { demo: { type: 'boolean' }, email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' }, force: { type: 'boolean' } },
  });
  const [command, sub] = positionals;
  switch (command) {
    case 'serve':
      return serve(values.demo ?? false);
    case 'migrate': {
      const applied = await withDatabase((h) => migrate(h.db));
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n');
      return;
    }
    case 'seed-demo': {
      const seeded = await withDatabase(async (h) => {
        const app = await buildApp({ db: h.db, logLevel: 'silent' });
        await app.ready();
        try {
          return await seedDemo(h.db, app);
        } finally {
          await app.close();
        }
      });
      process.stdout.write(seeded ? 'Demo region seeded.\n' : 'The database already has users; nothing seeded.\n');
      return;
    }
    case 'demo-code':
      process.stdout.write(`${totpCode(DEMO_TOTP_SECRET)}\n`);
      return;
    case 'create-admin': {
      const email = values.email ?? process.env.GEZINSPLAN_ADMIN_EMAIL;
      const password = values.password ?? process.env.GEZINSPLAN_ADMIN_PASSWORD;
      if (!email || !password) throw new Error('Give --email and --password (or GEZINSPLAN_ADMIN_EMAIL and GEZINSPLAN_ADMIN_PASSWORD).');
      await withDatabase((h) => createAdmin(h.db, { email, password, ...(values.name ? { name: values.name } : {}) }));
      process.stdout.write(`Administrator ${email} created.\n`);
      return;
    }
    case 'audit': {
      if (sub !== 'verify') break;
      const result = await withDatabase((h) => verifyAuditLog(h.db));
      if (result.ok) {
        process.stdout.write(`Audit log intact: ${result.records} records in ${result.chains} chains.\n`);
        return;
      }
      const b = result.firstBroken!;
      process.stderr.write(`Audit log BROKEN in chain ${b.chainId} at record ${b.seq}${b.id ? ` (${b.id})` : ''}: ${b.reason}.\n`);
      return process.exit(2);
    }
    case 'retention': {
      if (sub !== 'run') break;
      const report = await withDatabase((h) => runRetention(h.db));
      process.stdout.write(`Retention job: ${report.destroyed.length} file(s) destroyed` +
        `${report.destroyed.length ? ` (${report.destroyed.map((d) => d.reason).join(', ')})` : ''}; each is recorded in the audit log.\n`);
      return;
    }
    case 'notifications': {
      if (sub !== 'sweep') break;
      const report = await withDatabase((h) => runNotificationSweep(h.db));
      process.stdout.write(`Notification sweep: ${report.notified} new notification(s).\n`);
      return;
    }
    case 'backup': {
      if (!sub) break;
      const report = await backupDatabase(loadConfig().database, sub, { pgBinDir: process.env.GEZINSPLAN_PG_BIN });
      process.stdout.write(`Backup written: ${report.file} (${report.bytes} bytes).\n`);
      return;
    }
    case 'restore': {
      if (!sub) break;
      const report = await restoreDatabase(loadConfig().database, sub, { force: values.force ?? false, pgBinDir: process.env.GEZINSPLAN_PG_BIN });
      process.stdout.write(`Restored ${sub}${report.replaced ? ', replacing what was there' : ''}. The server applies newer migrations, if any, when it starts.\n`);
      return;
    }
    default:
    // anything else prints the usage below
  }
  process.stdout.write(usage + '\n');
  if (!values.help && command !== 'help') process.exit(command ? 1 : 0);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
