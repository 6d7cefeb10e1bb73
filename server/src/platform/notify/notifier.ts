import type { DbOrTx } from '../db/database';
import type { Clock } from '../clock';

export type Notification = {
  channel: 'sms' | 'email' | 'inbox';
  personId?: string | null;
  destination?: string | null;
  subject: string;
  body: string;
};

/** Sends messages to people. Production swaps in an SMS/e-mail gateway; the default writes to the outbox table. */
export type Notifier = { send: (db: DbOrTx, message: Notification) => Promise<void> };

export const createOutboxNotifier = (clock: Clock): Notifier => ({
  send: async (db, message) => {
    await db
      .insertInto('outbox')
      .values({
        channel: message.channel,
        personId: message.personId ?? null,
        destination: message.destination ?? null,
        subject: message.subject,
        body: message.body,
        createdAt: clock.now(),
        readAt: null,
      })
      .execute();
  },
});
