import {
  maskIdNumber,
  maskPhone,
  registrationKindLabels,
  titleLevelLabels,
  type RegistrationKind,
  type RegistrationReceipt,
  type ReviewField,
  type TitleLevel,
} from '@cep/contracts';
import type { OrgRow } from './registration.repository';

export type OrgFieldFacts = {
  orgName: string;
  creditCode: string;
  natureName: string;
  orgLevelName: string;
  industryName: string;
  orgPhone: string;
  address: string;
  regionName: string;
  superiorName: string;
  authorityName: string | null;
  adminName: string;
  idNumber: string;
  phone: string | null;
};

/** A phone shown to reviewers: mobiles masked, office lines (区号-号码) as they are. */
const shownPhone = (phone: string | null) => (phone ? (/^1\d{10}$/.test(phone) ? maskPhone(phone) : phone) : null);

/** What a reviewer sees of an org registration; ID number and phone already masked. */
export const presentOrgFields = (f: OrgFieldFacts): ReviewField[] => [
  { label: '单位名称', value: f.orgName },
  { label: '统一社会信用代码', value: f.creditCode },
  { label: '单位性质', value: f.natureName },
  { label: '单位级别', value: f.orgLevelName },
  { label: '所属行业', value: f.industryName },
  { label: '单位电话', value: shownPhone(f.orgPhone) },
  { label: '单位地址', value: f.address },
  { label: '单位注册所在地', value: f.regionName },
  { label: '上级部门', value: f.superiorName },
  ...(f.authorityName ? [{ label: '主管部门', value: f.authorityName }] : []),
  { label: '管理员姓名', value: f.adminName },
  { label: '管理员身份证号', value: maskIdNumber(f.idNumber) },
  { label: '管理员手机号', value: shownPhone(f.phone) },
];

export type ProfessionalFieldFacts = {
  name: string;
  idNumber: string;
  gender: 'male' | 'female';
  birthDate: string;
  phone: string | null;
  employerName: string;
  titleSeriesName: string;
  titleLevel: TitleLevel;
  majorName: string;
  titleObtainedOn: string | null;
};

export const presentProfessionalFields = (f: ProfessionalFieldFacts): ReviewField[] => [
  { label: '姓名', value: f.name },
  { label: '身份证号', value: maskIdNumber(f.idNumber) },
  { label: '性别', value: f.gender === 'male' ? '男' : '女' },
  // The year only: a full birth date beside a masked ID number narrows it to a handful of candidates.
  { label: '出生年份', value: `${f.birthDate.slice(0, 4)}年` },
  { label: '手机号', value: shownPhone(f.phone) },
  { label: '所在单位', value: f.employerName },
  { label: '职称系列', value: f.titleSeriesName },
  { label: '职称等级', value: titleLevelLabels[f.titleLevel] },
  { label: '所学专业', value: f.majorName },
  { label: '职称取得时间', value: f.titleObtainedOn },
];

export const presentReviewer = (org: OrgRow) => ({ orgId: org.id, name: org.name, regionName: org.regionName, phone: org.phone });

export const presentReceipt = (role: RegistrationKind, requestId: string, reviewer: OrgRow): RegistrationReceipt => ({
  requestId,
  kind: role,
  kindLabel: registrationKindLabels[role],
  reviewer: presentReviewer(reviewer),
  message: `注册信息已提交，请等待“${reviewer.name}”审核。审核通过后即可使用身份证号和密码登录；可通过“综合查询-注册审核进度查询”查看审核进度。`,
});
