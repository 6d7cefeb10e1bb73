import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { Button, Spin } from 'antd';
import { BotAnswer } from './BotAnswer';
import { QuestionInput } from './QuestionInput';
import type { ChatMessage } from './chat-types';

type Props = {
  messages: ChatMessage[];
  busy: boolean;
  onAsk: (question: string) => void;
  onPickEntry: (id: string) => void;
  onHandoff: () => void;
};

const Line = ({ m, onPickEntry, onHandoff }: { m: ChatMessage } & Pick<Props, 'onPickEntry' | 'onHandoff'>) => {
  if (m.from === 'user') return <div className="help-chat__bubble help-chat__bubble--user">{m.text}</div>;
  if (m.from === 'error') return <div className="help-chat__bubble help-chat__bubble--error">{m.text}</div>;
  if (m.from === 'entry') {
    return (
      <div className="help-chat__bubble help-chat__bubble--bot">
        <div className="help-chat__source">
          来源：<Link to={`/help/entries/${m.entry.id}`}>{m.entry.title}</Link>
        </div>
        <div className="help-chat__answer">{m.entry.answer}</div>
      </div>
    );
  }
  return <BotAnswer result={m.result} onPickEntry={onPickEntry} onHandoff={onHandoff} />;
};

/** The conversation, newest at the bottom (kept in view), and the question box under it. */
export const ChatPanel = ({ messages, busy, onAsk, onPickEntry, onHandoff }: Props) => {
  const end = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new message or the typing indicator is what scrolls the view.
  useEffect(() => {
    // Newer browsers return a promise from scrollIntoView; an effect must not return it.
    void end.current?.scrollIntoView?.({ block: 'end' });
  }, [messages.length, busy]);
  return (
    <div className="help-chat">
      <div className="help-chat__log" aria-live="polite">
        <div className="help-chat__bubble help-chat__bubble--bot">
          您好！我是平台智能客服，可以解答注册、登录、学时申报、单位调转、证书打印等问题。请在下方输入您的问题。
        </div>
        {messages.map((m) => (
          <Line key={m.key} m={m} onPickEntry={onPickEntry} onHandoff={onHandoff} />
        ))}
        {busy ? <Spin size="small" className="help-chat__busy" /> : null}
        <div ref={end} />
      </div>
      <QuestionInput onAsk={onAsk} disabled={busy} />
      <div className="help-chat__footer">
        <span>没有解决？</span>
        <Button type="link" size="small" onClick={onHandoff}>
          转人工
        </Button>
        <Link to="/help">帮助中心</Link>
        <Link to="/help/ticket">工单查询</Link>
      </div>
    </div>
  );
};
