import { sql } from 'kysely';
import type { TestContext } from './test-context';

/** The tables a move or merge of a subtree could touch: their row counts must stay (nothing created or lost). */
const TABLES = ['org', 'person', 'account', 'professional_profile', 'hours_record', 'person_year', 'request', 'request_step'] as const;

export const rowCounts = async (t: TestContext) =>
  Object.fromEntries(
    await Promise.all(
      TABLES.map(async (table) => [
        table,
        Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(t.db)).rows[0]!.n),
      ]),
    ),
  ) as Record<(typeof TABLES)[number], number>;
