import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../packages/server/src/platform/db/database';
import { migrate } from '../../packages/server/src/platform/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

/**
 * Migrates once into a template; every test file then starts from a copy of it (a copied PGlite data directory,
 * or `CREATE DATABASE … TEMPLATE` on PostgreSQL), so files never see each other's data and never migrate again.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = project.config.env?.GP_TEST_DB ?? process.env.GP_TEST_DB;
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is required for the postgres project');
    const handle = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
    await migrate(handle.db);
    await handle.close();
    project.provide('postgresTemplate', url);
    return async () => {};
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'gezinsplan-template-'));
  const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
  await migrate(handle.db);
  await handle.close();
  project.provide('pgliteTemplate', dir);
  return async () => rm(dir, { recursive: true, force: true });
}
