import type { AskResult, PublicKbEntry } from '@cep/contracts';

/** One line of the widget's conversation: what the user typed, or the assistant's reply to it. */
export type ChatMessage =
  | { key: string; from: 'user'; text: string }
  | { key: string; from: 'bot'; result: AskResult }
  | { key: string; from: 'entry'; entry: PublicKbEntry }
  | { key: string; from: 'error'; text: string };

let counter = 0;
export const messageKey = () => `m${Date.now().toString(36)}${(counter++).toString(36)}`;

/** The conversation as a ticket carries it: the user's lines and the text the assistant showed. */
export const conversationOf = (messages: ChatMessage[]) =>
  messages
    .flatMap((m): { from: 'user' | 'bot'; text: string }[] => {
      if (m.from === 'user') return [{ from: 'user', text: m.text }];
      if (m.from === 'entry') return [{ from: 'bot', text: `【${m.entry.title}】${m.entry.answer}` }];
      if (m.from === 'bot') {
        const top = m.result.answerId ? m.result.answers[0] : undefined;
        return [{ from: 'bot', text: top ? `【${top.title}】${top.answer}` : '未找到合适的答案' }];
      }
      return [];
    })
    .slice(-40);

export const lastQuestionOf = (messages: ChatMessage[]) => {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.from === 'user') return m.text;
  }
  return '';
};
