import type { CoreTables } from './core.tables';

/** The database as Kysely sees it: each module adds its tables' interface here, one line each. */
export interface Database extends CoreTables {}
