/** Training plans of employers (单位培训计划) and providers (培训计划申报), the hours claimed under them, and providers' 年度报告. */
export { trainingRoutes } from './training.routes';
export { providerPlanKind, proxyClaimKind, trainingPlanKind, unitClaimKind } from './training.kinds';
export { annualReportKind } from './annual-report.kind';
export { submitPlan, submitUnitClaim } from './training.service';
export { submitProxyClaim } from './provider.service';
export { submitAnnualReport } from './annual-report.service';
export { employerSponsor, providerSponsor } from './training.sponsors';
