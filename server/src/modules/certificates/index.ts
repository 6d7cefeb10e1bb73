/** 年度完成情况, 继续教育证书 and their public verification. */
export { certificatesRoutes } from './certificates.routes';
export { annualCompletion } from './completion.service';
