import { sql, type RawBuilder } from 'kysely';
import type { Actor } from './actor';
import { startsWithPattern } from '../db/like';

/**
 * The data-scope filter: true where the org at `orgPathColumn` is the actor's org or below it.
 * Use it inside every query that reads or writes another org's data.
 */
export const inOrgScope = (actor: Pick<Actor, 'orgPath'>, orgPathColumn: string): RawBuilder<boolean> =>
  sql<boolean>`${sql.ref(orgPathColumn)} like ${startsWithPattern(actor.orgPath)}`;

export const isInScope = (actor: Pick<Actor, 'orgPath'>, orgPath: string) => orgPath.startsWith(actor.orgPath);
