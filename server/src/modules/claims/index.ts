export { claimsRoutes } from './claims.routes';
export { claimKind, claimRoute, CLAIM_KIND } from './claims.kind';
export {
  creditHours,
  findBureauOfRegion,
  findOrgForRoute,
  listPersonYears,
  removeHoursRecords,
  reverseHours,
  type NewHoursRecord,
} from './claims.repository';
export { dailyLoadRefusalOf, submitClaim, timedClaimLoads } from './claims.service';
export { lockClaimsOf } from './claims.repository';
