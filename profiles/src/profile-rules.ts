import type { CodeName, LearningForm, Major, PassStandard, Profile, ProfileRegion, TitleLevelCode, TitleLevelOption } from '@cep/contracts';

const regionIndexes = new WeakMap<Profile, Map<string, ProfileRegion>>();

const regionIndex = (profile: Profile) => {
  let index = regionIndexes.get(profile);
  if (!index) {
    index = new Map(profile.regions.map((r) => [r.code, r]));
    regionIndexes.set(profile, index);
  }
  return index;
};

export const regionByCode = (profile: Profile, code: string): ProfileRegion | undefined => regionIndex(profile).get(code);

/** True when `code` is `ancestorCode` itself or lies anywhere under it in the region tree. */
export const isWithinRegion = (profile: Profile, { code, ancestorCode }: { code: string; ancestorCode: string }) => {
  let region = regionByCode(profile, code);
  while (region) {
    if (region.code === ancestorCode) return true;
    region = region.parentCode ? regionByCode(profile, region.parentCode) : undefined;
  }
  return false;
};

/** The city-level region a region belongs to: a county's city, a city itself, or the province for 省直 units. */
export const cityCodeOf = (profile: Profile, code: string): string | null => {
  const region = regionByCode(profile, code);
  if (!region) return null;
  return region.level === 'county' ? region.parentCode : region.code;
};

/**
 * The yearly standard that applies to one person: the first entry whose years, title level and region
 * match. Null when the profile has no standard for that year (before the platform's first rules).
 */
export const passStandardFor = (
  profile: Profile,
  { year, titleLevel, regionCode }: { year: number; titleLevel: TitleLevelCode; regionCode: string },
): PassStandard | null =>
  profile.passStandards.find(
    (s) =>
      year >= s.fromYear &&
      (s.toYear === null || year <= s.toYear) &&
      (s.titleLevels === null || s.titleLevels.includes(titleLevel)) &&
      (s.regionCodes === null || s.regionCodes.some((ancestorCode) => isWithinRegion(profile, { code: regionCode, ancestorCode }))),
  ) ?? null;

/** The city-level codes whose people claim hours on this platform ('all': the province and every city). */
export const claimCityCodes = (profile: Profile): string[] =>
  profile.claimCities === 'all' ? profile.regions.filter((r) => r.level !== 'county').map((r) => r.code) : [...profile.claimCities];

/** Whether people of this region claim hours here; a county counts with its city, 省直 only for the province itself. */
export const isClaimCity = (profile: Profile, regionCode: string) => {
  const cityCode = cityCodeOf(profile, regionCode);
  return cityCode !== null && claimCityCodes(profile).includes(cityCode);
};

/** The credit years a claim may name in `currentYear`, oldest first. */
export const claimableYears = (profile: Profile, currentYear: number): number[] => {
  const { pastYears, earliestYear } = profile.claimWindow;
  const from = Math.max(currentYear - pastYears, earliestYear ?? -Infinity);
  return Array.from({ length: Math.max(0, currentYear - from + 1) }, (_, i) => from + i);
};

export const isClaimYearOpen = (profile: Profile, { year, currentYear }: { year: number; currentYear: number }) =>
  claimableYears(profile, currentYear).includes(year);

export const titleSeriesByCode = (profile: Profile, code: string): CodeName | undefined => profile.titleSeries.find((s) => s.code === code);

export const titleLevelByCode = (profile: Profile, code: string): TitleLevelOption | undefined => profile.titleLevels.find((l) => l.code === code);

/** A 大类 or a 细类 by its code. */
export const majorByCode = (profile: Profile, code: string): Major | CodeName | undefined => {
  for (const major of profile.majors) {
    if (major.code === code) return major;
    const child = major.children.find((c) => c.code === code);
    if (child) return child;
  }
  return undefined;
};

export const orgNatureByCode = (profile: Profile, code: string) => profile.orgNatures.find((n) => n.code === code);

export const orgLevelByCode = (profile: Profile, code: string) => profile.orgLevels.find((l) => l.code === code);

export const industryByCode = (profile: Profile, code: string) => profile.industries.find((i) => i.code === code);

export const learningFormByCode = (profile: Profile, code: string): LearningForm | undefined =>
  profile.learningForms.forms.find((f) => f.code === code);
