export * from './registration.fields';
export * from './registration.schemas';
