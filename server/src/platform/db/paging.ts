import type { SelectQueryBuilder } from 'kysely';

/** Limits a query to one page of a list (`query.$call(onePage(page))`), pages counted from 1. */
export const onePage =
  ({ page, pageSize }: { page: number; pageSize: number }) =>
  <DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>) =>
    query.limit(pageSize).offset((page - 1) * pageSize);
