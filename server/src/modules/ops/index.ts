/** 平台运维: what platform operations sees of the platform itself (the outbox). */
export { opsRoutes } from './ops.routes';
