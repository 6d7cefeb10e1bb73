import { z } from 'zod';
import { pageOf } from '../common/paging';

/** One message the platform sent (SMS, e-mail, in-app), as platform operations sees it: destination masked. */
export const OutboxItem = z.object({
  id: z.number().int(),
  channel: z.enum(['sms', 'email', 'inbox']),
  destinationMasked: z.string().nullable(),
  personNameMasked: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

export const OutboxPage = pageOf(OutboxItem);
export type OutboxPage = z.infer<typeof OutboxPage>;
