/** 学时对接: learning platforms' sources, their keys, and the batches of completed hours they send. */
export { hoursSyncRoutes } from './hours-sync.routes';
export { ingestBatch, registerSyncSource, sourceOfKey } from './hours-sync.service';
