/** Role groups used by the knowledge-base metadata (codes from contracts' LoginRole). */
export const ALL = ['professional', 'employer', 'authority', 'provider', 'hrBureau'];
export const PRO = ['professional'];
export const ORG = ['employer', 'authority', 'provider'];
export const ADMINS = ['employer', 'authority', 'provider', 'hrBureau'];
export const BUREAU = ['hrBureau'];
export const REVIEWERS = ['employer', 'authority', 'hrBureau'];

/** Metadata for one entry; `match` is a substring that picks the seed answer (or section) it describes. */
export type EntryMeta = {
  match: string;
  id: string;
  title: string;
  topic: string;
  roles: string[];
  /** Extra phrasings users write, added by hand (the seed's own question lines are always kept). */
  variants?: string[];
  handoff?: boolean;
};
