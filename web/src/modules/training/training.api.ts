import { z } from 'zod';
import {
  ProviderYearFigures,
  RosterLine,
  StaffChoice,
  SubmittedRequest,
  TrainingPlanPage,
  type AnnualReportInput,
  type ProxyClaimInput,
  type RosterEntry,
  type TrainingPlanInput,
  type UnitClaimInput,
} from '@cep/contracts';
import { apiRequest } from '../../api/client';

export const trainingKeys = {
  all: ['training'] as const,
  plans: (page: number) => ['training', 'plans', page] as const,
  staff: (keyword: string) => ['training', 'staff', keyword] as const,
  yearFigures: (year: number) => ['training', 'year-figures', year] as const,
};

export const trainingApi = {
  plans: (page: number, pageSize = 10) => apiRequest('/api/training/plans', { query: { page, pageSize }, schema: TrainingPlanPage }),
  submitPlan: (body: TrainingPlanInput) => apiRequest('/api/training/plans', { body, schema: SubmittedRequest }),
  staff: (keyword: string) => apiRequest('/api/training/staff', { query: { keyword: keyword || undefined }, schema: z.array(StaffChoice) }),
  submitUnitClaim: (body: UnitClaimInput) => apiRequest('/api/training/unit-claims', { body, schema: SubmittedRequest }),
  checkRoster: (entries: RosterEntry[], planId?: string) =>
    apiRequest('/api/training/roster-check', { body: { entries, planId }, schema: z.array(RosterLine) }),
  submitProxyClaim: (body: ProxyClaimInput) => apiRequest('/api/training/proxy-claims', { body, schema: SubmittedRequest }),
  yearFigures: (year: number) => apiRequest('/api/training/annual-reports/figures', { query: { year }, schema: ProviderYearFigures }),
  submitAnnualReport: (body: AnnualReportInput) => apiRequest('/api/training/annual-reports', { body, schema: SubmittedRequest }),
};
