export { claimsRoutes } from './claims.routes';
export { claimKind, CLAIM_KIND } from './claims.kind';
export { submitClaim } from './claims.service';
