/** 年度完成情况, 继续教育证书, 学时证明 and their verification. */
export { certificatesRoutes } from './certificates.routes';
export { certificatesAdminRoutes } from './certificates.admin.routes';
export { annualCompletion } from './completion.service';
export { prorationKind } from './proration.kind';
