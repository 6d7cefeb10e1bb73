import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { findBureauOfRegion, findOrgForRoute } from '../claims';
import { listOpenFiledBy } from '../reviews';

/** The bureau of the employer's region (the county's, for a county employer), if any. */
export const bureauOfEmployer = async (tx: Tx, employerId: string) => {
  const employer = await findOrgForRoute(tx, employerId);
  return employer && findBureauOfRegion(tx, employer.regionCode);
};

/** The employer, then the bureau of its region: the chain of a change to a person's identity. */
export const employerThenBureau = async (tx: Tx, employerId: string) => {
  const bureau = await bureauOfEmployer(tx, employerId);
  return bureau ? [employerId, bureau.id] : [employerId];
};

/** A change that must wait for nothing the person filed (a transfer, a closure): refused, listing what is open. */
export const refuseWhileFiled = async (tx: Tx, filer: { personId: string; accountId: string }, message: string) => {
  const pending = await listOpenFiledBy(tx, filer);
  if (pending.length > 0) throw new AppError('CONFLICT', message, { details: { pending } });
};
