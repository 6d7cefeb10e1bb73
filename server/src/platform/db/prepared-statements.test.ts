import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../test/test-context';
import { MAX_PREPARED_PER_CONNECTION } from './database';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(async () => t?.close());

describe('prepared statements (issue 9)', () => {
  it('sends a query with parameters as a named statement that its connection keeps and reuses', async () => {
    await t.db.transaction().execute(async (tx) => {
      const find = () => tx.selectFrom('org').select('id').where('kind', '=', 'platform').execute();
      await find();
      await find();
      const { rows } = await sql<{ name: string; calls: number }>`
        select name, generic_plans + custom_plans as calls from pg_prepared_statements where statement like '%from "org"%'`.execute(tx);
      expect(rows.length).toBe(1);
      expect(rows[0]!.name).toMatch(/^q/);
      expect(Number(rows[0]!.calls)).toBe(2);
    });
  });

  it('leaves a query without parameters unprepared (transaction control, multi-statement scripts)', async () => {
    await t.db.transaction().execute(async (tx) => {
      await sql`select 1 as one; select 2 as two`.execute(tx);
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from pg_prepared_statements where statement like '%select 2 as two%'`.execute(tx);
      expect(rows[0]!.n).toBe(0);
    });
  });

  it('keeps at most MAX_PREPARED_PER_CONNECTION statements on a connection, and answers the texts past it unprepared', async () => {
    await t.db.transaction().execute(async (tx) => {
      for (let i = 0; i < MAX_PREPARED_PER_CONNECTION + 50; i++) {
        const { rows } = await sql<{ n: number }>`select ${sql.lit(i)}::int + ${1}::int as n`.execute(tx);
        expect(rows[0]!.n).toBe(i + 1);
      }
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements`.execute(tx);
      expect(rows[0]!.n).toBe(MAX_PREPARED_PER_CONNECTION);
    });
  });
});
