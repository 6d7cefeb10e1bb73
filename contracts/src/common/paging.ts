import { z } from 'zod';

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const Ok = z.object({ ok: z.literal(true) });
/** Done, with a sentence for the user about what happens next. */
export const OkMessage = Ok.extend({ message: z.string() });
export const Uuid = z.uuid({ message: '编号格式不正确' });
/** An opaque token the server or the page made (captcha ids and tokens, conversation ids): letters, digits, - and _. */
export const OpaqueToken = (max: number, message = '请求已失效，请刷新页面后重试') =>
  z
    .string({ error: message })
    .min(1, { message })
    .max(max, { message })
    .regex(/^[\w-]+$/, { message });
/** Path parameters of a route addressing one record by its id. */
export const IdParams = z.object({ id: Uuid });
export const Phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$/, { message: '请输入11位手机号' });
export const Email = z.email({ message: '请输入正确的电子邮箱' }).trim();
