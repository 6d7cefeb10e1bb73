import type { Region } from './regions';

export type { Region };

export type { Profile, ProfileName } from '@cep/contracts';
export { loadProfile } from './load-profile';
export * from './profile-rules';
export { loadKnowledgeBase } from './helpdesk';
export * from './hours';
