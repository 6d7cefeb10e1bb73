import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HelpdeskKnowledgeBase, type HelpdeskEntry } from '@cep/contracts';

type ProfileName = 'henan' | 'shandong';

const kbPath = (profile: ProfileName) => fileURLToPath(new URL(`../${profile}/helpdesk/kb.json`, import.meta.url));

/** The province's help-desk knowledge base (profiles/<name>/helpdesk/kb.json), validated; throws on a malformed file. */
export const loadKnowledgeBase = (profile: ProfileName): HelpdeskEntry[] => {
  const parsed = HelpdeskKnowledgeBase.safeParse(JSON.parse(readFileSync(kbPath(profile), 'utf8')));
  if (!parsed.success) throw new Error(`知识库格式错误（${profile}）：${parsed.error.issues[0]?.message ?? ''}`);
  const ids = new Set<string>();
  for (const entry of parsed.data) {
    if (ids.has(entry.id)) throw new Error(`知识库编号重复（${profile}）：${entry.id}`);
    ids.add(entry.id);
  }
  return parsed.data;
};
