/**
 * Who may change the knowledge base: the province bureau only. The answers are province-wide policy text, so
 * city and county bureaus (who also hold the 知识库管理 menu) may read and search it but not write (403).
 */
export const canEditKnowledgeBase = (org: { kind: string; bureauLevel: string | null } | undefined) =>
  org?.kind === 'hrBureau' && org.bureauLevel === 'province';

/** A ticket can be answered until it is closed; a closed ticket takes no more replies. */
export const canReplyToTicket = (status: 'open' | 'answered' | 'closed') => status !== 'closed';

export const canCloseTicket = (status: 'open' | 'answered' | 'closed') => status !== 'closed';
