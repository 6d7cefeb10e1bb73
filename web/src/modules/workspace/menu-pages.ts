import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/**
 * The built page of each menu key (contracts' menusByRole). A leaf that is not here, or whose
 * `built` flag is false, shows "该功能正在建设中". Add one line per page.
 */
export const menuPages: Record<string, LazyExoticComponent<ComponentType>> = {
  'ops.outbox': lazy(() => import('../ops/pages/OutboxPage').then((m) => ({ default: m.OutboxPage }))),
};
