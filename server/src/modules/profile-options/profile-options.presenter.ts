import type { Profile, ProfileOptions } from '@cep/contracts';
import { claimCityCodes, regionByCode } from '@cep/profiles';

const codeName = ({ code, name }: { code: string; name: string }) => ({ code, name });

/** The public part of a profile: what registration forms and the portal show. No standards, no internals. */
export const presentProfileOptions = (profile: Profile): ProfileOptions => ({
  profile: { name: profile.name, provinceName: profile.provinceName, platformName: profile.platformName, contact: profile.contact },
  regions: profile.regions.map(({ code, name, level, parentCode }) => ({ code, name, level, parentCode })),
  titleSeries: profile.titleSeries.map(codeName),
  titleLevels: profile.titleLevels.map((l) => ({ ...codeName(l), subLevels: l.subLevels.map(codeName) })),
  majors: profile.majors.map((m) => ({ ...codeName(m), children: m.children.map(codeName) })),
  orgNatures: profile.orgNatures.map(codeName),
  orgLevels: profile.orgLevels.map(codeName),
  industries: profile.industries.map(codeName),
  claimCities: claimCityCodes(profile).map((code) => {
    const region = regionByCode(profile, code)!;
    return { code, name: region.level === 'province' ? '省直' : region.name };
  }),
});
