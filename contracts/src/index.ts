export * from './common/errors';
export * from './common/id-number';
export * from './common/credit-code';
export * from './common/password';
export * from './common/paging';
export * from './access/roles';
export * from './access/menus';
export * from './auth/auth.schemas';
