export { claimsRoutes } from './claims.routes';
export { claimKind, claimRoute, CLAIM_KIND } from './claims.kind';
export { creditHours, findBureauOfRegion, findOrgForRoute, listPersonYears, reverseHours, type NewHoursRecord } from './claims.repository';
export { dailyLoadRefusalOf, submitClaim } from './claims.service';
export { lockClaimsOf } from './claims.repository';
