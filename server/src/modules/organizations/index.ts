export { organizationsRoutes } from './organizations.routes';
export { provisionProfile, bureauName, PLATFORM_ORG_NAME } from './organizations.provision';
export { createOrg, settleOrg, type NewOrg } from './organizations.writes';
export { findOrgLevel } from './organizations.repository';
export { orgChangeKind, ORG_CHANGE_KIND } from './org-change.kind';
export { superiorChangeKind, SUPERIOR_CHANGE_KIND } from './superior-change.kind';
export { orgClosureKind, ORG_CLOSURE_KIND } from './org-closure.kind';
export { orgMergeKind, ORG_MERGE_KIND } from './org-merge.kind';
