import type { CoreTables } from './core.tables';

/**
 * The database as Kysely sees it. The platform knows its own tables; each module adds its tables by declaring
 * `interface Database extends <Its>Tables {}` for this module in its `<domain>.tables.ts` (declaration merging),
 * so the platform imports no module.
 */
export interface Database extends CoreTables {}
