export type NoticeStatus = 'draft' | 'published' | 'withdrawn';
export type NoticeAction = 'publish' | 'withdraw';

export const MAX_ATTACHMENTS = 10;

/** Draft or withdrawn notices may be published; only published ones withdrawn. Null: the move is not allowed. */
export const nextStatus = (from: NoticeStatus, action: NoticeAction): NoticeStatus | null => {
  if (action === 'publish') return from === 'published' ? null : 'published';
  return from === 'published' ? 'withdrawn' : null;
};
