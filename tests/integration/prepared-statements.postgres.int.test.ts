import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PreparedStatementClient } from '../../packages/server/src/platform/db/prepared-client';

/**
 * The PostgreSQL pool's client keeps parameterised statements prepared per connection, a bounded number of them,
 * and gives the same answers as unnamed statements: for statements it prepares, for those past its bound, for
 * long bulk texts it leaves unnamed, and for errors (a failed prepared statement does not poison the next one).
 */
describe('prepared statements on PostgreSQL', () => {
  let client: PreparedStatementClient;
  const prepared = async () => Number((await client.query('select count(*) as n from pg_prepared_statements')).rows[0].n);

  beforeAll(async () => {
    client = new PreparedStatementClient({ connectionString: inject('postgresTemplate') });
    await client.connect();
  });
  afterAll(async () => { await client?.end(); });

  it('prepares a parameterised statement once and answers each execution with its own parameters', async () => {
    const before = await prepared();
    for (let i = 0; i < 5; i++) {
      const { rows } = await client.query('select $1::int * 2 as doubled', [i]);
      expect(rows).toEqual([{ doubled: i * 2 }]);
    }
    expect(await prepared()).toBe(before + 1);
    // A prepared statement that fails does not spoil the connection nor the statement for the next execution.
    await expect(client.query('select 1 / $1::int as n', [0])).rejects.toThrow(/division by zero/);
    expect((await client.query('select 1 / $1::int as n', [1])).rows).toEqual([{ n: 1 }]);
    expect(await prepared()).toBe(before + 2);
  });

  it('keeps at most 400 statements per connection; the rest run unnamed with the right answers', async () => {
    for (let i = 0; i < 450; i++) {
      const { rows } = await client.query(`select $1::int + ${i} as n`, [1]);
      expect(rows[0].n).toBe(i + 1);
    }
    expect(await prepared()).toBe(400);
    // A statement it already holds keeps being used after the bound is reached.
    expect((await client.query('select $1::int * 2 as doubled', [21])).rows).toEqual([{ doubled: 42 }]);
  });

  it('leaves long bulk statements unnamed', async () => {
    const fresh = new PreparedStatementClient({ connectionString: inject('postgresTemplate') });
    await fresh.connect();
    try {
      const values = Array.from({ length: 3000 }, (_, i) => i);
      const text = `select ${values.map((_, i) => `$${i + 1}::int`).join(' + ')} as total`;
      expect((await fresh.query(text, values)).rows[0].total).toBe(values.reduce((a, b) => a + b, 0));
      await fresh.query('select $1::int as short', [1]);
      const names = (await fresh.query('select statement from pg_prepared_statements')).rows.map((r: { statement: string }) => r.statement);
      expect(names).toEqual(['select $1::int as short']);
      expect(fresh).toBeInstanceOf(pg.Client);
    } finally {
      await fresh.end();
    }
  });
});
