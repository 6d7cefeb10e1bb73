import { loadRegions, type Region } from './regions';

export type { Region };

export type ProfileName = 'henan' | 'shandong';

export type Profile = {
  name: ProfileName;
  provinceName: string;
  platformName: string;
  regions: Region[];
};

const provinceCodes: Record<ProfileName, { code: string; platformName: string }> = {
  henan: { code: '410000', platformName: '河南省专业技术人员公共服务平台' },
  shandong: { code: '370000', platformName: '山东省专业技术人员继续教育公共服务平台' },
};

/** Loads a province profile: everything that differs between deployments, as data. */
export const loadProfile = (name: ProfileName): Profile => {
  const { code, platformName } = provinceCodes[name];
  const regions = loadRegions(code);
  return { name, provinceName: regions[0]!.name, platformName, regions };
};
export { loadKnowledgeBase } from './helpdesk';
