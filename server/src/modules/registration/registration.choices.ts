import type { EmployerChoice, SuperiorChoice, SuperiorQuery } from '@cep/contracts';
import type { AppContext } from '../../platform/context';
import type { DbOrTx } from '../../platform/db/database';
import { findRegion, listActiveOrgs, searchActiveEmployers } from './registration.repository';

const MAX_EMPLOYERS = 20;
const MAX_SUPERIORS = 50;

/** 所在单位 search of the professional form: active employers only, name and region, nothing personal. */
export const searchEmployers = async (ctx: AppContext, keyword: string): Promise<EmployerChoice[]> =>
  searchActiveEmployers(ctx.db, keyword, MAX_EMPLOYERS);

/** A region and the regions above it (county, city, province), so a county form also offers city and province orgs. */
const regionAndAncestors = async (db: DbOrTx, code: string) => {
  const codes: string[] = [];
  let current = await findRegion(db, code);
  while (current && codes.length < 4) {
    codes.push(current.code);
    current = current.parentCode ? await findRegion(db, current.parentCode) : undefined;
  }
  return codes;
};

/** Choices for 主管部门 / 上级单位 / 同级人社部门: active orgs of that kind in the region or above it. */
export const listSuperiorChoices = async (ctx: AppContext, query: SuperiorQuery): Promise<SuperiorChoice[]> => {
  const regionCodes = query.regionCode ? await regionAndAncestors(ctx.db, query.regionCode) : null;
  if (regionCodes && regionCodes.length === 0) return [];
  const kind = query.kind === 'bureau' ? 'hrBureau' : query.kind;
  return listActiveOrgs(ctx.db, { kind, regionCodes, keyword: query.keyword || null, limit: MAX_SUPERIORS });
};
