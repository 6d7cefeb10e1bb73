export const PLATFORM_NAME = '专业技术人员继续教育信息服务平台';
