import { z } from 'zod';

/**
 * Characters that render as nothing: format characters (zero-width spaces and joiners, bidi marks and
 * overrides, BOM, soft hyphen, tags), variation selectors, the combining grapheme joiner and Hangul fillers.
 */
const INVISIBLE_CLASS = '[\\p{Cf}\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u3164\\uFE00-\\uFE0F\\uFFA0]';
const INVISIBLE = new RegExp(INVISIBLE_CLASS, 'gu');
const HAS_INVISIBLE = new RegExp(INVISIBLE_CLASS, 'u');
/** NUL (PostgreSQL text cannot hold it) and UTF-16 halves without their pair (not valid UTF-8 or JSON text). */
const UNSTORABLE = /[\u0000\uD800-\uDFFF]/u;
const CONTROL_SINGLE_LINE = /[\u0001-\u001F\u007F-\u009F]/;
const CONTROL_MULTILINE = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export const UNSTORABLE_TEXT_MESSAGE = '提交的内容包含无法识别的字符（如空字符），请删除后重新输入';

/** True when `value` holds a character no PostgreSQL text or JSON column can store (NUL, a lone surrogate). */
export const hasUnstorableCharacter = (value: string) => UNSTORABLE.test(value);

/** Removes invisible characters everywhere and whitespace at both ends. */
export const cleanText = (value: string) => value.replace(INVISIBLE, '').trim();

type TextOptions = {
  label: string;
  max: number;
  min?: number;
  /** Lets line breaks and tabs through (notice bodies, replies); single-line text refuses them. */
  multiline?: boolean;
  /** How the empty-field message starts: 请输入 (default), 请填写 or 请选择. */
  verb?: '请输入' | '请填写' | '请选择';
};

type Check = { value: string } | { message: string };

/** The one input-hygiene rule for free text (SECURITY.md I4): stored clean, or refused with a Chinese message. */
const checkText = (raw: string, o: TextOptions, required: boolean): Check => {
  const verb = o.verb ?? '请输入';
  if (hasUnstorableCharacter(raw) || (o.multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).test(raw)) {
    return { message: `${o.label}包含无法识别的字符，请删除后重新输入` };
  }
  const value = cleanText(raw);
  if (!value && HAS_INVISIBLE.test(raw)) return { message: `${o.label}不能只包含不可见字符` };
  if (!value) return required ? { message: `${verb}${o.label}` } : { value };
  if (value.length < (o.min ?? 1)) return { message: `${o.label}至少${o.min}个字` };
  if (value.length > o.max) return { message: `${o.label}不能超过${o.max}个字` };
  return { value };
};

const refineText = (o: TextOptions, required: boolean) => (raw: string, ctx: z.RefinementCtx) => {
  const result = checkText(raw, o, required);
  if ('message' in result) {
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  }
  return result.value;
};

/** A required free-text field: cleaned by the hygiene rule, then held to its length. */
export const Text = (o: TextOptions) => z.string({ error: `${o.verb ?? '请输入'}${o.label}` }).transform(refineText(o, true));

/** A person's name as an ID card gives it: Chinese characters, letters and the middle dot. */
export const PersonName = Text({ label: '姓名', min: 2, max: 30 }).pipe(
  z.string().regex(/^[\u4e00-\u9fa5·A-Za-z]+$/, { message: '姓名只能包含汉字、字母和“·”' }),
);

/** An optional free-text field: absent, null or empty after cleaning all become undefined. */
export const OptionalText = (o: TextOptions) =>
  z
    .string({ error: `${o.label}格式不正确` })
    .nullable()
    .transform((raw, ctx) => {
      if (raw === null) return undefined;
      const value = refineText(o, false)(raw, ctx);
      return value || undefined;
    })
    .optional();

/** A free-text field an edit may clear: absent stays undefined (unchanged), null or empty becomes null. */
export const ClearableText = (o: TextOptions) =>
  z
    .string({ error: `${o.label}格式不正确` })
    .nullable()
    .transform((raw, ctx) => (raw === null ? null : refineText(o, false)(raw, ctx) || null))
    .optional();
