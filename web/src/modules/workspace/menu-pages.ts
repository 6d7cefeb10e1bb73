import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { menusByRole, type MenuItem, type Permission } from '@cep/contracts';

const reviewQueuePage = lazy(() => import('../reviews/pages/ReviewQueuePage').then((m) => ({ default: m.ReviewQueuePage })));

const leavesOf = (items: MenuItem[]): MenuItem[] => items.flatMap((item) => (item.children ? leavesOf(item.children) : [item]));

/** Every reviewer queue of the menus: one page serves them all, with the kinds the server files under each. */
const queueKeys = () => [
  ...new Set(
    Object.values(menusByRole)
      .flatMap(leavesOf)
      .filter((item) => item.queue)
      .map((item) => item.key),
  ),
];

/**
 * The built page of each menu key (contracts' menusByRole). A leaf that is not here, or whose
 * `built` flag is false, shows "该功能正在建设中". Add one line per page.
 */
export const menuPages: Partial<Record<Permission, LazyExoticComponent<ComponentType>>> = {
  'ops.outbox': lazy(() => import('../ops/pages/OutboxPage').then((m) => ({ default: m.OutboxPage }))),
  'helpdesk.tickets': lazy(() => import('../helpdesk/pages/TicketQueuePage').then((m) => ({ default: m.TicketQueuePage }))),
  'helpdesk.kb': lazy(() => import('../helpdesk/pages/KbAdminPage').then((m) => ({ default: m.KbAdminPage }))),
  'notices.manage': lazy(() => import('../notices/pages/NoticeManagePage').then((m) => ({ default: m.NoticeManagePage }))),
  'me.inbox': lazy(() => import('../inbox/pages/InboxPage').then((m) => ({ default: m.InboxPage }))),
  'org.profile': lazy(() => import('../organizations/pages/OrgProfilePage').then((m) => ({ default: m.OrgProfilePage }))),
  'org.divisions': lazy(() => import('../organizations/pages/DivisionsPage').then((m) => ({ default: m.DivisionsPage }))),
  'org.admins': lazy(() => import('../admins/pages/AdminsPage').then((m) => ({ default: m.AdminsPage }))),
  'org.roles': lazy(() => import('../admins/pages/RolesPage').then((m) => ({ default: m.RolesPage }))),
  'subordinates.bureaus': lazy(() => import('../organizations/pages/SubordinatesPage').then((m) => ({ default: m.BureausPage }))),
  'subordinates.authorities': lazy(() => import('../organizations/pages/SubordinatesPage').then((m) => ({ default: m.AuthoritiesPage }))),
  'subordinates.employers': lazy(() => import('../organizations/pages/SubordinatesPage').then((m) => ({ default: m.EmployersPage }))),
  'subordinates.providers': lazy(() => import('../organizations/pages/SubordinatesPage').then((m) => ({ default: m.ProvidersPage }))),
  'me.claims': lazy(() => import('../claims/pages/ClaimPage').then((m) => ({ default: m.ClaimPage }))),
  'claims.file': lazy(() => import('../claims/pages/ClaimForPersonPage').then((m) => ({ default: m.ClaimForPersonPage }))),
  'claims.records': lazy(() => import('../claims/pages/ClaimRecordsPage').then((m) => ({ default: m.ClaimRecordsPage }))),
  'claims.plans': lazy(() => import('../training/pages/TrainingPlansPage').then((m) => ({ default: m.TrainingPlansPage }))),
  'training.plans': lazy(() => import('../training/pages/TrainingPlansPage').then((m) => ({ default: m.ProviderPlansPage }))),
  'training.proxyClaims': lazy(() => import('../training/pages/TrainingPlansPage').then((m) => ({ default: m.ProxyClaimsPage }))),
  'training.annualReport': lazy(() => import('../training/pages/AnnualReportPage').then((m) => ({ default: m.AnnualReportPage }))),
  'me.completion': lazy(() => import('../certificates/pages/CompletionPage').then((m) => ({ default: m.CompletionPage }))),
  'statistics.certificates': lazy(() => import('../certificates/pages/CertificatePrintPage').then((m) => ({ default: m.CertificatePrintPage }))),
  'statistics.verify': lazy(() => import('../certificates/pages/CertificateDetailsPage').then((m) => ({ default: m.CertificateDetailsPage }))),
  'hoursSync.sources': lazy(() => import('../hours-sync/pages/SyncSourcesPage').then((m) => ({ default: m.SyncSourcesPage }))),
  'me.progress': lazy(() => import('../reviews/pages/MyProgressPage').then((m) => ({ default: m.MyProgressPage }))),
  ...Object.fromEntries(queueKeys().map((key) => [key, reviewQueuePage])),
  'me.profile': lazy(() => import('../people/pages/ProfilePage').then((m) => ({ default: m.ProfilePage }))),
  'statistics.people': lazy(() => import('../people/pages/PeopleQueryPage').then((m) => ({ default: m.PeopleQueryPage }))),
  'imports.people': lazy(() => import('../people/pages/PeopleImportPage').then((m) => ({ default: m.PeopleImportPage }))),
  'reviews.transfers': lazy(() => import('../people/pages/TransfersPage').then((m) => ({ default: m.TransfersPage }))),
};
