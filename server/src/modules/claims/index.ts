export { claimsRoutes } from './claims.routes';
export { claimKind, CLAIM_KIND } from './claims.kind';
