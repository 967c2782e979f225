/**
 * The web app's Lighthouse budgets (issue 4) on the family overview: accessibility 1.0, performance ≥ 0.9, best
 * practices ≥ 0.95. Starts the real server on a fresh embedded database with the demo region, signs in as the demo
 * coordinator, and runs Lighthouse 12 in Debian's Chromium. Prints figures against the budgets; asserts nothing.
 *
 *   npm run bench:lighthouse
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig } from 'lighthouse';
import { openDatabase } from '../packages/server/src/platform/db/database';
import { migrate } from '../packages/server/src/platform/db/migrate';
import { buildApp } from '../packages/server/src/app';
import { ApiClient } from '../packages/server/src/platform/http/api-client';
import { DEMO_PASSWORD, seedDemo } from '../packages/server/src/demo/seed-demo';

const BUDGETS = { accessibility: 1, performance: 0.9, 'best-practices': 0.95 } as const;

const dir = await mkdtemp(path.join(tmpdir(), 'gezinsplan-lighthouse-'));
const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
const app = await buildApp({ db: handle.db, logLevel: 'silent' });
let chrome: chromeLauncher.LaunchedChrome | null = null;
try {
  await migrate(handle.db);
  await app.ready();
  await seedDemo(handle.db, app);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const sanne = await new ApiClient(app).login('sanne@wijkteam.demo', DEMO_PASSWORD);
  const caseload = (await sanne.get('/api/v1/me/families?limit=1')).json() as { items: { id: string }[] };
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'sanne@wijkteam.demo', password: DEMO_PASSWORD } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const url = `${base}/gezinnen/${caseload.items[0]!.id}`;

  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  for (const [preset, config] of [['mobile (Lighthouse default: slow 4G, 4x CPU slowdown)', undefined], ['desktop', desktopConfig]] as const) {
    const result = await lighthouse(url, {
      port: chrome.port, output: 'json', logLevel: 'error', extraHeaders: { Cookie: cookie }, onlyCategories: Object.keys(BUDGETS),
    }, config);
    const categories = result!.lhr.categories;
    process.stdout.write(`\nLighthouse ${result!.lhr.lighthouseVersion}, ${preset}, on the family overview signed in as the demo coordinator\n`);
    process.stdout.write(`${'category'.padEnd(16)} ${'score'.padStart(6)} ${'budget'.padStart(7)}\n`);
    for (const [key, budget] of Object.entries(BUDGETS)) {
      const score = categories[key]?.score ?? 0;
      process.stdout.write(`${key.padEnd(16)} ${score.toFixed(2).padStart(6)} ${budget.toFixed(2).padStart(7)} ${score >= budget ? 'ok' : 'BELOW'}\n`);
    }
    const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];
    process.stdout.write(`${metrics.map((m) => `  ${m}: ${result!.lhr.audits[m]?.displayValue ?? '?'}`).join('\n')}\n`);
    const failing = Object.values(result!.lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id);
    if (failing.length > 0) process.stdout.write(`  audits not passed: ${failing.join(', ')}\n`);
  }
} finally {
  await chrome?.kill();
  await app.close();
  await handle.close();
  await rm(dir, { recursive: true, force: true });
}
