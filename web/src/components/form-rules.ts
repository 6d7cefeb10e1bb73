import type { FormRule } from 'antd';
import { IdNumber, Password } from '@cep/contracts';
import type { z } from 'zod';

/** An antd rule that checks a value with a contract schema and shows the schema's own Chinese message. */
export const schemaRule = (schema: z.ZodType, requiredMessage: string): FormRule => ({
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === null || value === '') throw new Error(requiredMessage);
    const result = schema.safeParse(value);
    if (!result.success) throw new Error(result.error.issues[0]?.message ?? requiredMessage);
  },
});

export const idNumberRule = schemaRule(IdNumber, '请输入身份证号');
export const passwordRule = schemaRule(Password, '请输入新密码');

/** The confirmation must repeat the field named `field`. */
export const sameAsRule =
  (field: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: async (_rule, value: unknown) => {
      if (!value) throw new Error('请再次输入新密码');
      if (value !== getFieldValue(field)) throw new Error('两次输入的密码不一致');
    },
  });

export const PASSWORD_HINT = '密码须为8~20位带数字和英文字母的组合，请勿输入纯数字或纯字母';

/** An upload field checked by the contract's own attachment-ids schema (its minimum and its Chinese message). */
export const filesRule = (schema: z.ZodType): FormRule => ({
  validator: async (_rule, value?: { id: string }[]) => {
    const result = schema.safeParse((value ?? []).map((file) => file.id));
    if (!result.success) throw new Error(result.error.issues[0]?.message ?? '请上传附件');
  },
});
