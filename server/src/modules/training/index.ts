/** Training plans (单位培训计划) and the hours claimed under them for their attendees. */
export { trainingRoutes } from './training.routes';
export { trainingPlanKind, unitClaimKind } from './training.kinds';
export { submitPlan, submitUnitClaim } from './training.service';
