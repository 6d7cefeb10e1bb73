import { z } from 'zod';
import { pageOf } from '../common/paging';

export const InboxMessage = z.object({ id: z.number().int(), subject: z.string(), body: z.string(), createdAt: z.string(), read: z.boolean() });
export type InboxMessage = z.infer<typeof InboxMessage>;
export const InboxPage = pageOf(InboxMessage).extend({ unread: z.number().int() });
export type InboxPage = z.infer<typeof InboxPage>;
export const InboxIdParams = z.object({ id: z.coerce.number().int().min(1) });
