import type { Migration } from 'kysely';
import * as createCore from './202611220900_create_core';

/** Every migration in order. Names are timestamps; a merged migration is never edited. */
export const migrations: Record<string, Migration> = {
  '202611220900_create_core': createCore,
};
