import { z } from 'zod';
import { Text } from '../common/text';
import { LoginRole } from '../access/roles';

/** One help-desk knowledge-base entry: an official reply and the ways users ask for it. */
export const HelpdeskEntry = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, '编号只能包含小写字母、数字和连字符'),
  title: z.string().min(1, '标题不能为空'),
  answer: z.string().min(1, '答复不能为空'),
  variants: z.array(z.string().min(1)).min(1, '至少需要一个问法'),
  topic: z.string().min(1),
  roles: z.array(LoginRole).min(1, '至少适用于一个角色'),
  /** The reply itself hands the user to a human agent (e.g. 商务合作). */
  handoff: z.boolean().optional(),
  /** Seed document the reply was taken from (000-004). */
  source: z.string().optional(),
});
export type HelpdeskEntry = z.infer<typeof HelpdeskEntry>;

export const HelpdeskKnowledgeBase = z.array(HelpdeskEntry);

export const HelpdeskAnswer = z.object({
  id: z.string(),
  title: z.string(),
  answer: z.string(),
  score: z.number(),
});
export type HelpdeskAnswer = z.infer<typeof HelpdeskAnswer>;

export const HelpdeskReply = z.object({
  handoff: z.boolean(),
  confidence: z.number().min(0).max(1),
  answers: z.array(HelpdeskAnswer).max(3),
});
export type HelpdeskReply = z.infer<typeof HelpdeskReply>;

export const HelpdeskQuestion = z.object({
  question: Text({ label: '问题', max: 500 }),
  role: LoginRole.optional(),
});
export type HelpdeskQuestion = z.infer<typeof HelpdeskQuestion>;
