import { z } from 'zod';
import { IdNumber } from '../common/id-number';
import { CreditCode } from '../common/credit-code';
import { Password } from '../common/password';
import { Email, Phone, Uuid } from '../common/paging';

/** Seed 002 FAQ 6: foreign ID types are refused with this answer. */
export const FOREIGN_ID_MESSAGE = '外籍人员暂时无法进行注册，建议联系单位负责部门，向当地人社部门咨询。';
/** Seed 002 FAQ 25. */
export const NO_CREDIT_CODE_MESSAGE = '单位无统一社会信用代码无法进行注册。';
/** Seed 002 FAQ 9, first half: an existing ID number without '已是本系统用户'. */
export const ACCOUNT_EXISTS_MESSAGE = '该账号已存在，若您注册过平台其他角色类型，请勾选“已是本系统用户”';
/** Seed 002 FAQ 9, second half: ticked, but the person already holds a professional account. */
export const PROFESSIONAL_EXISTS_MESSAGE = '您的身份证号已经在系统中进行过专技人员注册，您直接登录即可';

export const ID_TYPES = ['身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '外国人永久居留身份证'] as const;
export const IdType = z.enum(ID_TYPES, { message: '请选择证件类型' });

export const PersonName = z
  .string({ error: '请输入姓名' })
  .trim()
  .min(2, { message: '请输入姓名' })
  .max(30, { message: '姓名不能超过30个字' })
  .regex(/^[\u4e00-\u9fa5·A-Za-z]+$/, { message: '姓名只能包含汉字、字母和“·”' });

export const OrgName = z
  .string({ error: '请输入单位名称' })
  .trim()
  .min(2, { message: '请输入单位名称' })
  .max(60, { message: '单位名称不能超过60个字' });

/** Seed 002 FAQ 4: brackets in an address broke the old form; here they are simply allowed. */
export const Address = z.string({ error: '请输入单位地址' }).trim().min(2, { message: '请输入单位地址' }).max(120, { message: '单位地址不能超过120个字' });
export const OrgPhone = z
  .string({ error: '请输入单位电话' })
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, { message: '请输入正确的单位电话（手机号或区号-号码）' });
export const OrgRegionCode = z.string({ error: '请选择所在地区' }).regex(/^\d{6}$/, { message: '请选择所在地区' });
export const OptionText = (label: string) =>
  z.string({ error: `请选择${label}` }).trim().min(1, { message: `请选择${label}` }).max(60, { message: `${label}不能超过60个字` });

/** A credit code field: empty means "no code", which the seeds refuse with their own answer. */
export const OrgCreditCode = z.preprocess(
  (v) => (typeof v === 'string' ? v : ''),
  z.string().refine((v) => v.trim() !== '', { message: NO_CREDIT_CODE_MESSAGE }).pipe(CreditCode),
);

/**
 * Who registers: a new person (name, phone, e-mail, password) or, with '已是本系统用户', an existing one
 * who proves it with the password. The ID type comes first so foreign IDs get the seeds' answer.
 */
export const Applicant = z
  .strictObject({
    existingUser: z.boolean().default(false),
    idType: IdType.default('身份证'),
    idNumber: z.string({ error: '请输入证件号' }).trim().max(40),
    password: z.string({ error: '请输入密码' }).min(1, { message: '请输入密码' }).max(128),
    name: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
  }, { error: '提交了不需要的信息项，请刷新页面后重新填写' })
  .superRefine((v, ctx) => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (v.idType !== '身份证') return fail('idType', FOREIGN_ID_MESSAGE);
    const id = IdNumber.safeParse(v.idNumber);
    if (!id.success) return fail('idNumber', id.error.issues[0]?.message ?? '身份证号非法');
    if (v.existingUser) return;
    for (const [key, schema] of [['name', PersonName], ['phone', Phone], ['email', Email], ['password', Password]] as const) {
      const parsed = schema.safeParse(v[key] ?? '');
      if (!parsed.success) fail(key, parsed.error.issues[0]?.message ?? '请填写此项');
    }
  })
  .transform((v) => ({
    ...v,
    idNumber: v.idNumber.toUpperCase(),
    name: v.existingUser ? undefined : v.name?.trim(),
    phone: v.existingUser ? undefined : v.phone?.trim(),
    email: v.existingUser ? undefined : v.email?.trim(),
  }));
export type Applicant = z.infer<typeof Applicant>;

export const OptionalUuid = z.preprocess((v) => (v === '' || v === null ? undefined : v), Uuid.optional());
