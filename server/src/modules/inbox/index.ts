/** 消息中心: a person's in-app messages. */
export { inboxRoutes } from './inbox.routes';
