import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

/** The content of a knowledge-base entry, as a revision row stores it whole (old and new). */
export type KbContent = {
  title: string;
  answer: string;
  variants: string[];
  topic: string;
  roles: string[];
  handoff: boolean;
  status: 'active' | 'retired';
};

/** One help-desk answer; seeded from the profile's kb.json, then edited by the province bureau. */
export interface KbEntryTable {
  id: string;
  profile: string;
  title: string;
  answer: string;
  variants: string[];
  topic: string;
  roles: string[];
  handoff: Generated<boolean>;
  status: 'active' | 'retired';
  version: number;
  updatedAt: Timestamp;
  updatedBy: string | null;
}

/** Every change of an entry, append-only; its highest id is the generation the running assistant is built from. */
export interface KbEntryRevisionTable {
  id: Generated<number>;
  entryId: string;
  action: 'import' | 'create' | 'edit' | 'retire' | 'restore';
  oldContent: Json<KbContent | null> | null;
  newContent: Json<KbContent>;
  byPersonId: string | null;
  byOrgId: string | null;
  at: Timestamp;
}

/** One question put to the assistant; no personal data beyond the question text itself. */
export interface HelpdeskAskTable {
  id: Generated<string>;
  question: string;
  role: string | null;
  conversationId: string | null;
  answerId: string | null;
  confidence: number;
  handoff: boolean;
  helpful: boolean | null;
  askedAt: Timestamp;
  feedbackAt: Timestamp | null;
}

export type ConversationLine = { from: 'user' | 'bot'; text: string };

/** A question handed to a human (转人工); anonymous askers read replies with ticket number + access code. */
export interface HelpdeskTicketTable {
  id: Generated<string>;
  ticketNo: string;
  accessCodeHash: string;
  question: string;
  conversation: Json<ConversationLine[]>;
  contactName: string;
  contactPhone: string | null;
  contactEmail: string | null;
  personId: string | null;
  accountId: string | null;
  status: 'open' | 'answered' | 'closed';
  createdAt: Timestamp;
  updatedAt: Timestamp;
  closedAt: Timestamp | null;
}

export interface HelpdeskTicketReplyTable {
  id: Generated<number>;
  ticketId: string;
  body: string;
  byPersonId: string;
  at: Timestamp;
}

export interface HelpdeskTables {
  kbEntry: KbEntryTable;
  kbEntryRevision: KbEntryRevisionTable;
  helpdeskAsk: HelpdeskAskTable;
  helpdeskTicket: HelpdeskTicketTable;
  helpdeskTicketReply: HelpdeskTicketReplyTable;
}

declare module '../../platform/db/schema' {
  interface Database extends HelpdeskTables {}
}
