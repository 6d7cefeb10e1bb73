export { helpdeskRoutes } from './helpdesk.routes';
export { ensureKnowledgeBase } from './kb.service';
