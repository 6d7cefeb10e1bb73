/** The identity module's public surface: other modules import only from here. */
export { identityRoutes } from './identity.routes';
export { consumeCaptchaToken } from './identity.captcha';
export { hitRateLimit } from './identity.rate-limit';
export { provePerson } from './identity.credentials';
export { bindDemoAuthenticator } from './identity.mfa';
