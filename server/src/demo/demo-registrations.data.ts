import { creditCodeCheckChar } from '@cep/contracts';
import { demoIdNumber } from './demo-ids';

/** Realistic (made-up) names for demo people; the ID numbers come from demo-ids.ts. */
export const DEMO_NAMES = [
  '王建国',
  '李秀英',
  '张伟',
  '刘洋',
  '陈静',
  '杨帆',
  '赵磊',
  '黄丽娟',
  '周敏',
  '吴志强',
  '徐芳',
  '孙浩',
  '马晓燕',
  '朱军',
  '胡婷婷',
  '郭鹏',
  '何雪梅',
  '高峰',
  '林晓东',
  '罗佳',
  '郑海涛',
  '梁红',
  '谢宇航',
  '宋雅琴',
  '唐文博',
  '韩冬',
  '冯丽',
  '于洪涛',
  '董欣怡',
  '萧然',
  '程志远',
  '曹颖',
  '袁立新',
  '邓晓萍',
  '许文杰',
  '傅晨',
  '沈玉兰',
  '曾凡',
  '彭丽华',
  '吕振华',
  '苏晴',
  '卢建军',
  '蒋思远',
  '蔡文静',
  '贾明',
  '丁一鸣',
  '魏亚楠',
  '薛晓光',
  '叶青',
  '阎斌',
];

let personSeq = 0;
/** A new demo applicant: valid ID of the region, a phone and e-mail, the shared demo password. */
export const demoApplicant = (regionCode: string, password: string) => {
  const n = personSeq++;
  const birth = new Date(Date.UTC(1968, 2, 1) + n * 131 * 86_400_000).toISOString().slice(0, 10);
  return {
    existingUser: false,
    idType: '身份证' as const,
    idNumber: demoIdNumber(regionCode, birth, 300 + (n % 600)),
    password,
    name: DEMO_NAMES[n % DEMO_NAMES.length]!,
    phone: `1390371${String(1000 + n).slice(-4)}`,
    email: `demo${n}@example.cn`,
  };
};

let codeSeq = 0;
/** A valid (checksummed) demo credit code: 11/12 for public bodies, 91 for companies, letters in the org part as real ones have. */
export const demoCreditCode = (regionCode: string, prefix: '11' | '12' | '52' | '91') => {
  const first17 = `${prefix}${regionCode}${prefix === '91' ? 'MA' : 'MB'}${String(1_000_000 + codeSeq++).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

export type DemoOrgSpec = {
  key: string;
  kind: 'authority' | 'employer' | 'provider';
  name: (city: string, county: string) => string;
  nature: string;
  orgLevel: string;
  industry: string;
  codePrefix: '11' | '12' | '52' | '91';
  /** Where the org hangs: the city or the first county, or under another spec's org. */
  region: 'city' | 'county';
  authority?: string;
  parent?: string;
  /** Left pending: it waits in its superior's queue. */
  pending?: boolean;
};

/** Each demo city's orgs, in registration order (a superior always comes before what hangs under it). */
export const DEMO_ORGS: DemoOrgSpec[] = [
  {
    key: 'health',
    kind: 'authority',
    name: (c) => `${c}卫生健康委员会`,
    nature: 'government',
    orgLevel: 'departmental',
    industry: 'Q',
    codePrefix: '11',
    region: 'city',
  },
  {
    key: 'education',
    kind: 'authority',
    name: (c) => `${c}教育局`,
    nature: 'government',
    orgLevel: 'departmental',
    industry: 'P',
    codePrefix: '11',
    region: 'city',
  },
  {
    key: 'hospital',
    kind: 'employer',
    name: (c) => `${c}第一人民医院`,
    nature: 'institution',
    orgLevel: 'divisional',
    industry: 'Q',
    codePrefix: '12',
    region: 'city',
    authority: 'health',
  },
  {
    key: 'branch',
    kind: 'employer',
    name: (c, k) => `${c}第一人民医院${k}院区`,
    nature: 'institution',
    orgLevel: 'sectional',
    industry: 'Q',
    codePrefix: '12',
    region: 'city',
    parent: 'hospital',
  },
  {
    key: 'school',
    kind: 'employer',
    name: (c) => `${c}第一中学`,
    nature: 'institution',
    orgLevel: 'divisional',
    industry: 'P',
    codePrefix: '12',
    region: 'city',
    authority: 'education',
  },
  {
    key: 'company',
    kind: 'employer',
    name: (c, k) => `${c.replace(/市$/, '')}${k.replace(/(区|县|市)$/, '')}智能装备有限公司`,
    nature: 'enterprise',
    orgLevel: 'other',
    industry: 'C',
    codePrefix: '91',
    region: 'county',
  },
  {
    key: 'cme',
    kind: 'provider',
    name: (c) => `${c}继续医学教育培训中心`,
    nature: 'institution',
    orgLevel: 'divisional',
    industry: 'P',
    codePrefix: '12',
    region: 'city',
    authority: 'health',
  },
  {
    key: 'base',
    kind: 'provider',
    name: (c) => `${c}专业技术人员继续教育基地`,
    nature: 'institution',
    orgLevel: 'divisional',
    industry: 'P',
    codePrefix: '12',
    region: 'city',
  },
  // Left waiting: one in the city bureau's, the county bureau's and the health commission's queue.
  {
    key: 'culture',
    kind: 'authority',
    name: (c) => `${c}文化广电和旅游局`,
    nature: 'government',
    orgLevel: 'departmental',
    industry: 'R',
    codePrefix: '11',
    region: 'city',
    pending: true,
  },
  {
    key: 'logistics',
    kind: 'employer',
    name: (_c, k) => `${k.replace(/(区|县|市)$/, '')}顺达物流有限公司`,
    nature: 'enterprise',
    orgLevel: 'other',
    industry: 'G',
    codePrefix: '91',
    region: 'county',
    pending: true,
  },
  {
    key: 'hospital2',
    kind: 'employer',
    name: (c) => `${c}第二人民医院`,
    nature: 'institution',
    orgLevel: 'divisional',
    industry: 'Q',
    codePrefix: '12',
    region: 'city',
    authority: 'health',
    pending: true,
  },
];

/** Professionals per employer key: title series, level, major 大类; the last `pending` wait in the employer's queue. */
export const DEMO_PROFESSIONALS: Record<string, { count: number; pending: number; series: string; level: string; major: string }> = {
  hospital: { count: 6, pending: 3, series: 'health', level: 'intermediate', major: '10' },
  branch: { count: 2, pending: 0, series: 'health', level: 'junior', major: '10' },
  school: { count: 4, pending: 1, series: 'schoolTeacher', level: 'senior', major: '04' },
  company: { count: 3, pending: 0, series: 'engineering', level: 'intermediate', major: '08' },
};
