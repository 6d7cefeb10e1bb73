/** Escapes `\`, `%` and `_` so a user's text matches itself in a LIKE pattern (PostgreSQL's default escape `\`). */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The LIKE pattern of "contains this text". */
export const containsPattern = (value: string) => `%${escapeLike(value)}%`;

/** The LIKE pattern of "starts with this text". */
export const startsWithPattern = (value: string) => `${escapeLike(value)}%`;
