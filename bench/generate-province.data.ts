import { randomUUID } from 'node:crypto';
import { creditCodeCheckChar, idNumberCheckChar } from '@cep/contracts';

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '文',
  '华',
  '红',
  '建国',
  '志强',
  '晓东',
  '海燕',
  '玉兰',
  '丹',
  '鹏',
  '婷',
  '宇',
  '浩',
  '凯',
  '佳',
  '欣怡',
];

export const synthName = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;

/**
 * A valid ID number, unique per (region, base date, index): the index picks the day after `baseDate`
 * (1,000 people a day) and the 3-digit sequence.
 */
export const synthIdNumber = (regionCode: string, baseDate: string, index: number) => {
  const birth = new Date(Date.parse(`${baseDate}T00:00:00Z`) + Math.floor(index / 1000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${regionCode}${birth}${String(index % 1000).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};

/** A valid credit code, unique per (prefix, region, index). */
export const synthCreditCode = (prefix: string, regionCode: string, index: number) => {
  const first17 = `${prefix}${regionCode}${String(index).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

export type Bureau = { id: string; path: string; regionCode: string; regionName: string };

export type EmployerRow = { id: string; name: string; regionCode: string; superiorId: string; path: string; creditCode: string };

export const synthEmployer = (bureau: Bureau, index: number): EmployerRow => {
  const id = randomUUID();
  const kinds = ['人民医院', '实验中学', '建筑工程有限公司', '农业技术推广站', '会计师事务所', '中心小学', '电子科技有限公司', '妇幼保健院'];
  return {
    id,
    name: `${bureau.regionName}${kinds[index % kinds.length]}${Math.floor(index / kinds.length) + 1}号`,
    regionCode: bureau.regionCode,
    superiorId: bureau.id,
    path: `${bureau.path}${id}/`,
    creditCode: synthCreditCode('91', bureau.regionCode, index),
  };
};

export const TITLE_SERIES = ['health', 'schoolTeacher', 'engineering', 'agriculture', 'accounting', 'economics', 'none'];
export const TITLE_LEVELS = ['junior', 'intermediate', 'senior'];
export const MAJORS = ['10', '04', '08', '09', '12', '02', '07'];

/** Splits 0..total-1 into [start, end) batches. */
export const batches = (total: number, size: number) =>
  Array.from({ length: Math.ceil(total / size) }, (_, i) => [i * size, Math.min(total, (i + 1) * size)] as const);
