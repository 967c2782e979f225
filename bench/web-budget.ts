// The web app's size budget (issue 4): initial JavaScript ≤ 250 KB gzipped. Reads the built app (`npm run build`)
// and prints what index.html loads, gzipped, against the budget. Figures, not a test: it never fails the suite.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_JS_KB = 250;
const dist = path.resolve('packages/web/dist');

const html = await readFile(path.join(dist, 'index.html'), 'utf8');
// Every script and stylesheet the page names: the built assets, the modules they preload, and public/warm-up.js.
const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
const rows: { file: string; kind: string; raw: number; gzip: number }[] = [];
for (const asset of assets) {
  const body = await readFile(path.join(dist, asset));
  rows.push({ file: asset, kind: asset.endsWith('.js') ? 'js' : 'css', raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
}
const kb = (n: number) => (n / 1024).toFixed(1).padStart(8);
process.stdout.write(`${'asset'.padEnd(40)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)}\n`);
for (const r of rows) process.stdout.write(`${r.file.padEnd(40)} ${kb(r.raw)} ${kb(r.gzip)}\n`);
const js = rows.filter((r) => r.kind === 'js').reduce((sum, r) => sum + r.gzip, 0);
process.stdout.write(`\ninitial JS gzipped: ${(js / 1024).toFixed(1)} KB of ${BUDGET_JS_KB} KB budget (${((100 * js) / (BUDGET_JS_KB * 1024)).toFixed(0)}%)\n`);
