import { z } from 'zod';
import { IdNumber, PersonIdNumber } from '../common/id-number';
import { PersonName, Text } from '../common/text';
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

export const OrgName = Text({ label: '单位名称', min: 2, max: 60 });

/** Seed 002 FAQ 4: brackets in an address broke the old form; here they are simply allowed. */
export const Address = Text({ label: '单位地址', min: 2, max: 120 });
export const OrgPhone = z
  .string({ error: '请输入单位电话' })
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/, { message: '请输入正确的单位电话（手机号或区号-号码）' });
export const OrgRegionCode = z.string({ error: '请选择所在地区' }).regex(/^\d{6}$/, { message: '请选择所在地区' });
export const OptionText = (label: string) => Text({ label, max: 60, verb: '请选择' });

/** A credit code field: empty means "no code", which the seeds refuse with their own answer. */
export const OrgCreditCode = z.preprocess(
  (v) => (typeof v === 'string' ? v : ''),
  z
    .string()
    .refine((v) => v.trim() !== '', { message: NO_CREDIT_CODE_MESSAGE })
    .pipe(CreditCode),
);

/**
 * Who registers: a new person (name, phone, e-mail, password) or, with '已是本系统用户', an existing one
 * who proves it with the password. The ID type comes first so foreign IDs get the seeds' answer.
 */
export const Applicant = z
  .strictObject(
    {
      existingUser: z.boolean().default(false),
      idType: IdType.default('身份证'),
      idNumber: z.string({ error: '请输入证件号' }).trim().max(40),
      password: z.string({ error: '请输入密码' }).min(1, { message: '请输入密码' }).max(128),
      name: z.string().optional(),
      phone: z.string().optional(),
      email: z.string().optional(),
    },
    { error: '提交了不需要的信息项，请刷新页面后重新填写' },
  )
  .transform((v, ctx) => {
    const fail = (path: string, message: string) => {
      ctx.addIssue({ code: 'custom', path: [path], message });
      return z.NEVER;
    };
    if (v.idType !== '身份证') return fail('idType', FOREIGN_ID_MESSAGE);
    const id = (v.existingUser ? IdNumber : PersonIdNumber).safeParse(v.idNumber);
    if (!id.success) return fail('idNumber', id.error.issues[0]?.message ?? '身份证号非法');
    if (v.existingUser) return { ...v, idNumber: id.data, name: undefined, phone: undefined, email: undefined };
    const name = PersonName.safeParse(v.name ?? '');
    const phone = Phone.safeParse(v.phone ?? '');
    const email = Email.safeParse(v.email ?? '');
    const password = Password.safeParse(v.password);
    for (const [key, parsed] of [
      ['name', name],
      ['phone', phone],
      ['email', email],
      ['password', password],
    ] as const) {
      if (!parsed.success) fail(key, parsed.error.issues[0]?.message ?? '请填写此项');
    }
    if (!name.success || !phone.success || !email.success || !password.success) return z.NEVER;
    return { ...v, idNumber: id.data, name: name.data, phone: phone.data, email: email.data };
  });
export type Applicant = z.infer<typeof Applicant>;

export const OptionalUuid = z.preprocess((v) => (v === '' || v === null ? undefined : v), Uuid.optional());
