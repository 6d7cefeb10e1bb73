import { ProfileName } from '@cep/contracts';
import { loadProfile, type Profile } from '@cep/profiles';
import type { Tx } from '../../platform/db/database';
import { findProfileSetting, findProvinceCode, recordProfileSetting } from './organizations.provision.repository';

const describeProfile = (name: string) => {
  const parsed = ProfileName.safeParse(name);
  return parsed.success ? `${loadProfile(parsed.data).provinceName}（PROFILE=${name}）` : `PROFILE=${name}`;
};

const profileOfProvince = (provinceCode: string) => ProfileName.options.find((name) => loadProfile(name).provinceCode === provinceCode);

/** The province a database was provisioned for: the recorded setting, else the province found in its regions. */
const provisionedProvince = async (tx: Tx): Promise<{ name: string | null; provinceCode: string | null }> => {
  const setting = await findProfileSetting(tx);
  if (setting !== null) return { name: setting, provinceCode: null };
  return { name: null, provinceCode: await findProvinceCode(tx) };
};

/**
 * A database serves one province: the first provisioning records the profile, and a start with another
 * profile stops with a message that says which PROFILE or which DATA_DIR to use.
 */
export const assertProfileMatches = async (tx: Tx, profile: Profile) => {
  const found = await provisionedProvince(tx);
  const matches = found.name !== null ? found.name === profile.name : found.provinceCode === null || found.provinceCode === profile.provinceCode;
  if (!matches) {
    const otherName = found.name ?? profileOfProvince(found.provinceCode!);
    const other = otherName ? describeProfile(otherName) : `行政区划 ${found.provinceCode} `;
    throw new Error(
      `数据库已按${other}的省份配置初始化，不能以${profile.provinceName}（PROFILE=${profile.name}）启动。` +
        `请使用原来的 PROFILE 启动，或为${profile.provinceName}另设 DATA_DIR（或 DATABASE_URL）使用新的数据库。`,
    );
  }
  if (found.name === null) await recordProfileSetting(tx, profile.name);
};
