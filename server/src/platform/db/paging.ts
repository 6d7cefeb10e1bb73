import { sql, type SelectQueryBuilder } from 'kysely';

/**
 * Limits a query to one page of a list (`query.$call(onePage(page))`), pages counted from 1.
 * The page size goes into the SQL as a literal and the first page has no OFFSET: a prepared statement's generic
 * plan then knows it stops after a few rows and costs what a custom plan does, so PostgreSQL stops re-planning
 * the statement on every call (issue 9: planning a list's join cost more than running it). A size is 1-100 at the
 * edge; the check here keeps anything else out of the SQL text.
 */
export const onePage =
  ({ page, pageSize }: { page: number; pageSize: number }) =>
  <DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>) => {
    if (!Number.isSafeInteger(pageSize) || pageSize < 1 || !Number.isSafeInteger(page) || page < 1) {
      throw new RangeError(`invalid page ${page} of size ${pageSize}`);
    }
    const limited = query.limit(sql.lit(pageSize));
    return page === 1 ? limited : limited.offset((page - 1) * pageSize);
  };
