import type { Migration } from 'kysely';
import * as createCore from './202611220900_create_core';
import * as createIdentity from './202611221000_create_identity';
import * as createReviews from './202611221100_create_reviews';
import * as createOrganizations from './202611221200_create_organizations';
import * as createHelpdesk from './202611221300_create_helpdesk';
import * as createNotices from './202611221310_create_notices';
import * as createProfessionalProfile from './202611221400_create_professional_profile';
import * as loginThrottleSubject from './202612020900_login_throttle_subject';
import * as createAdminInvitation from './202612020910_create_admin_invitation';
import * as createMfa from './202612020920_create_mfa';
import * as personContactsConfirmed from './202612020930_person_contacts_confirmed';
import * as reviewQueueCount from './202612021000_review_queue_count';
import * as reviewStepOrder from './202612021100_review_step_order';
import * as createHours from './202612021200_create_hours';
import * as createRequestAttachment from './202612021300_create_request_attachment';
import * as requestSubjectIdx from './202612021400_request_subject_idx';
import * as requestStepRevocation from './202612021500_request_step_revocation';
import * as createRequestParticipant from './202612031000_create_request_participant';
import * as createCertificate from './202612031100_create_certificate';
import * as createHoursSync from './202612031200_create_hours_sync';
import * as personNameIdx from './202612031300_person_name_idx';
import * as createYearProration from './202612031400_create_year_proration';
import * as professionalEmployment from './202612041000_professional_employment';
import * as contactChangeCode from './202612041100_contact_change_code';
import * as orgClosed from './202612041200_org_closed';
import * as createPeopleImport from './202612051000_create_people_import';

/** Every migration in order. Names are timestamps; a merged migration is never edited. */
export const migrations: Record<string, Migration> = {
  '202611220900_create_core': createCore,
  '202611221000_create_identity': createIdentity,
  '202611221100_create_reviews': createReviews,
  '202611221200_create_organizations': createOrganizations,
  '202611221300_create_helpdesk': createHelpdesk,
  '202611221310_create_notices': createNotices,
  '202611221400_create_professional_profile': createProfessionalProfile,
  '202612020900_login_throttle_subject': loginThrottleSubject,
  '202612020910_create_admin_invitation': createAdminInvitation,
  '202612020920_create_mfa': createMfa,
  '202612020930_person_contacts_confirmed': personContactsConfirmed,
  '202612021000_review_queue_count': reviewQueueCount,
  '202612021100_review_step_order': reviewStepOrder,
  '202612021200_create_hours': createHours,
  '202612021300_create_request_attachment': createRequestAttachment,
  '202612021400_request_subject_idx': requestSubjectIdx,
  '202612021500_request_step_revocation': requestStepRevocation,
  '202612031000_create_request_participant': createRequestParticipant,
  '202612031100_create_certificate': createCertificate,
  '202612031200_create_hours_sync': createHoursSync,
  '202612031300_person_name_idx': personNameIdx,
  '202612031400_create_year_proration': createYearProration,
  '202612041000_professional_employment': professionalEmployment,
  '202612041100_contact_change_code': contactChangeCode,
  '202612041200_org_closed': orgClosed,
  '202612051000_create_people_import': createPeopleImport,
};
