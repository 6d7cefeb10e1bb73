import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LearningFormSet, type Profile, ProfileCatalogs, ProfileFile, type ProfileName } from '@cep/contracts';
import { loadRegions } from './regions';
import { findProfileProblems } from './profile-checks';

const profilesRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Issue = { path: PropertyKey[]; message: string };
type Schema<T> = { safeParse: (value: unknown) => { success: true; data: T } | { success: false; error: { issues: Issue[] } } };

const readJson = (relativePath: string): unknown => JSON.parse(readFileSync(path.join(profilesRoot, relativePath), 'utf8'));

const parseFile = <T>(schema: Schema<T>, relativePath: string): T => {
  const parsed = schema.safeParse(readJson(relativePath));
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.map(String).join('.') || '(根)'}: ${i.message}`);
  throw new Error(`省份配置文件 profiles/${relativePath} 校验失败:\n${lines.join('\n')}`);
};

const cache = new Map<ProfileName, Profile>();

// The cached profile is shared by every caller in the process, so nobody may change it in place.
const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
};

/** Reads and validates a province profile: its file, the national catalogs, its regions and learning forms. */
const readProfile = (name: ProfileName): Profile => {
  const file = parseFile(ProfileFile, `${name}/profile.json`);
  if (file.name !== name) throw new Error(`省份配置 ${name}/profile.json 的 name 应为 ${name}`);
  const catalogs = parseFile(ProfileCatalogs, 'national/catalogs.json');
  const learningForms = parseFile(LearningFormSet, `${file.learningFormsFrom}/learning-forms.json`);
  const profile: Profile = { ...file, ...catalogs, regions: loadRegions(file.provinceCode), learningForms };
  const problems = findProfileProblems(profile);
  if (problems.length > 0) throw new Error(`省份配置 ${name} 有误:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return profile;
};

/** Loads a province profile (once per process): everything that differs between deployments, as data. */
export const loadProfile = (name: ProfileName): Profile => {
  const cached = cache.get(name);
  if (cached) return cached;
  const profile = deepFreeze(readProfile(name));
  cache.set(name, profile);
  return profile;
};
