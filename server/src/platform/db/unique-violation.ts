/** True when a write failed on a unique index (PostgreSQL 23505): the caller turns it into a clear 409. */
export const isUniqueViolation = (error: unknown, indexName?: string): boolean => {
  const e = error as { code?: string; constraint?: string } | null;
  return e?.code === '23505' && (!indexName || e.constraint === indexName);
};
