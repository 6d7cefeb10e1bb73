import type { DbOrTx } from '../db/database';
import type { Clock } from '../clock';

export type Notification = {
  channel: 'sms' | 'email' | 'inbox';
  personId?: string | null;
  destination?: string | null;
  subject: string;
  body: string;
  /**
   * A one-time code inside `body`. It goes to the person through the gateway and nowhere else: the
   * outbox keeps the body with the code masked, so nobody reads a working code back from the database.
   */
  secret?: string;
};

/** Hands an SMS or e-mail to whatever delivers it (a carrier's API in production). */
export type Gateway = (message: Notification) => void | Promise<void>;

/** Sends messages to people. Every message is recorded in the outbox; SMS and e-mail also go to the gateway. */
export type Notifier = {
  send: (db: DbOrTx, message: Notification) => Promise<void>;
  /** Several messages in one outbox statement (a batch decision's notices). */
  sendAll: (db: DbOrTx, messages: Notification[]) => Promise<void>;
};

const masked = (message: Notification) =>
  message.secret ? message.body.split(message.secret).join('*'.repeat(message.secret.length)) : message.body;

/** No carrier configured: the outbox still records that the message was due. */
export const discardGateway: Gateway = () => {};

/** The demo's carrier: SMS and e-mail are printed on the server console, where the person at the demo reads codes. */
export const consoleGateway: Gateway = (message) => {
  const label = message.channel === 'sms' ? '短信' : '邮件';
  console.log(`[${label} → ${message.destination ?? ''}] ${message.subject}：${message.body}`);
};

export const createOutboxNotifier = (clock: Clock, gateway: Gateway = discardGateway): Notifier => {
  const sendAll = async (db: DbOrTx, messages: Notification[]) => {
    if (messages.length === 0) return;
    const createdAt = clock.now();
    await db
      .insertInto('outbox')
      .values(
        messages.map((message) => ({
          channel: message.channel,
          personId: message.personId ?? null,
          destination: message.destination ?? null,
          subject: message.subject,
          body: masked(message),
          createdAt,
          readAt: null,
        })),
      )
      .execute();
    for (const message of messages) if (message.channel !== 'inbox') await gateway(message);
  };
  return { send: (db, message) => sendAll(db, [message]), sendAll };
};
