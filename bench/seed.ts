/**
 * Fills a database with a generated region, for the load benchmark (and for trying the product at scale).
 *
 *   npm run bench:seed -- --families 100000                 into DATABASE_URL (PostgreSQL), else the embedded database
 *   npm run bench:seed -- --families 2000 --data-dir /tmp/gp-region --seed 7
 *
 * The database must be empty (freshly migrated or new). Same --seed and --as-of: the same region, ids included.
 * Every generated account signs in with the password in BENCH_PASSWORD.
 */
import { parseArgs } from 'node:util';
import { seedDatabase } from './seed/seed-database';

const { values } = parseArgs({
  options: {
    families: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    'as-of': { type: 'string' },
    'data-dir': { type: 'string' },
  },
});

const families = Number(values.families);
if (!Number.isInteger(families) || families < 1) throw new Error('--families must be a positive whole number');
const url = process.env.DATABASE_URL;
const dataDir = values['data-dir'] ?? process.env.GEZINSPLAN_DATA_DIR ?? (url ? undefined : './data');

const result = await seedDatabase({
  database: url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: dataDir! },
  families,
  seed: Number(values.seed),
  asOf: values['as-of'] ? new Date(`${values['as-of']}T12:00:00Z`) : undefined,
  onProgress: (done, seconds) => process.stdout.write(`  ${done.toLocaleString('en')} families loaded (${seconds.toFixed(1)} s)\n`),
});

const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
process.stdout.write(`\n${url ? 'PostgreSQL' : `embedded database in ${dataDir}`}: ${families.toLocaleString('en')} families, `
  + `${result.professionals.toLocaleString('en')} professionals in ${result.organisations} organisations, ${total.toLocaleString('en')} rows\n`);
for (const [table, n] of Object.entries(result.rows)) process.stdout.write(`  ${table.padEnd(24)} ${n.toLocaleString('en').padStart(12)}\n`);
process.stdout.write(`loaded in ${result.loadSeconds.toFixed(1)} s (generate + COPY), analysed in ${result.analyseSeconds.toFixed(1)} s\n`);
