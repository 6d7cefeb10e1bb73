export * from './organizations.schemas';
export * from './divisions.schemas';
export * from './admins.schemas';
export * from './org-changes.schemas';
