import type { CoreTables } from './core.tables';
import type { IdentityTables } from '../../modules/identity/identity.tables';
import type { ReviewsTables } from '../../modules/reviews/reviews.tables';
import type { OrganizationsTables } from '../../modules/organizations/organizations.tables';
import type { HelpdeskTables } from '../../modules/helpdesk/helpdesk.tables';
import type { NoticesTables } from '../../modules/notices/notices.tables';
import type { RegistrationTables } from '../../modules/registration/registration.tables';
import type { AdminsTables } from '../../modules/admins/admins.tables';

/** The database as Kysely sees it: each module adds its tables' interface here, one line each. */
export interface Database extends CoreTables,
  IdentityTables,
  ReviewsTables,
  OrganizationsTables,
  HelpdeskTables,
  NoticesTables,
  RegistrationTables,
  AdminsTables {}
