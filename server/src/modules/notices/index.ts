/** 通知公告: public list and details, and a bureau's management of its own notices. */
export { noticesRoutes } from './notices.routes';
export { changeNoticeStatus, createNotice } from './notices.manage.service';
