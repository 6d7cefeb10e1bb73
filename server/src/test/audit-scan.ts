import { sql } from 'kysely';
import { isValidIdNumber } from '@cep/contracts';
import type { TestContext } from './test-context';

/**
 * Every audit row as text, searched for full ID numbers (any valid 18-character one) and for the given
 * secrets (passwords, codes). Returns the offending snippets; a clean log returns [].
 */
export const auditLeaks = async (t: TestContext, secrets: string[] = []) => {
  const rows = await sql<{ line: string }>`select row_to_json(a)::text as line from audit_log a`.execute(t.db);
  const leaks: string[] = [];
  for (const { line } of rows.rows) {
    for (const m of line.match(/\d{17}[\dXx]/g) ?? []) if (isValidIdNumber(m.toUpperCase())) leaks.push(`id number in: ${line}`);
    for (const s of secrets) if (s && line.includes(s)) leaks.push(`secret in: ${line}`);
  }
  return { rows: rows.rows.length, leaks };
};
