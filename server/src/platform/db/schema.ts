import type { CoreTables } from './core.tables';
import type { IdentityTables } from '../../modules/identity/identity.tables';

/** The database as Kysely sees it: each module adds its tables' interface here, one line each. */
export interface Database extends CoreTables,
  IdentityTables {}
