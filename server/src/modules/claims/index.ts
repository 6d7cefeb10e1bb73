export { claimsRoutes } from './claims.routes';
export { claimKind, claimRoute, CLAIM_KIND } from './claims.kind';
export { creditHours, findBureauOfRegion, findOrgForRoute, reverseHours, type NewHoursRecord } from './claims.repository';
export { submitClaim } from './claims.service';
