import { describe, expect, it } from 'vitest';
import { conversationOf, lastQuestionOf, type ChatMessage } from './chat-types';

const answered: ChatMessage = {
  key: 'b1',
  from: 'bot',
  result: {
    askId: 'a',
    answerId: 'e1',
    handoff: false,
    confidence: 0.8,
    answers: [{ id: 'e1', title: '忘记登录密码', answer: '点击忘记密码', score: 0.8 }],
  },
};
const unanswered: ChatMessage = { key: 'b2', from: 'bot', result: { askId: 'b', answerId: null, handoff: true, confidence: 0.1, answers: [] } };

describe('the conversation a ticket carries', () => {
  it('keeps the user lines and what the assistant showed, and drops error lines', () => {
    const messages: ChatMessage[] = [
      { key: 'u1', from: 'user', text: '密码忘了' },
      answered,
      { key: 'u2', from: 'user', text: '天气' },
      unanswered,
      { key: 'x', from: 'error', text: '网络异常' },
    ];
    expect(conversationOf(messages)).toEqual([
      { from: 'user', text: '密码忘了' },
      { from: 'bot', text: '【忘记登录密码】点击忘记密码' },
      { from: 'user', text: '天气' },
      { from: 'bot', text: '未找到合适的答案' },
    ]);
    expect(lastQuestionOf(messages)).toBe('天气');
  });

  it('keeps only the last 40 lines, and an empty chat has no last question', () => {
    const many: ChatMessage[] = Array.from({ length: 50 }, (_, i) => ({ key: `u${i}`, from: 'user', text: `问题${i}` }));
    expect(conversationOf(many)).toHaveLength(40);
    expect(conversationOf(many)[0]).toEqual({ from: 'user', text: '问题10' });
    expect(lastQuestionOf([])).toBe('');
  });
});
