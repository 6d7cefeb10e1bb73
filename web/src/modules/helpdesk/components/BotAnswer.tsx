import { useState } from 'react';
import { Link } from 'react-router';
import { Button, Space, Typography } from 'antd';
import { DislikeOutlined, LikeOutlined } from '@ant-design/icons';
import type { AskResult } from '@cep/contracts';
import { helpdeskApi } from '../helpdesk.api';

type Props = { result: AskResult; onPickEntry: (id: string) => void; onHandoff: () => void };

/** Feedback buttons for one ask; a second click is not offered, the choice stays visible. */
const Feedback = ({ askId }: { askId: string }) => {
  const [sent, setSent] = useState<boolean | null>(null);
  const [failed, setFailed] = useState(false);
  const send = (helpful: boolean) => {
    setSent(helpful);
    helpdeskApi.feedback(askId, helpful).catch(() => setFailed(true));
  };
  if (sent !== null) {
    return (
      <Typography.Text type="secondary" className="help-chat__thanks">
        {failed ? '反馈提交失败' : '感谢您的反馈'}
      </Typography.Text>
    );
  }
  return (
    <Space size={8} className="help-chat__feedback">
      <Button size="small" icon={<LikeOutlined />} onClick={() => send(true)}>
        有帮助
      </Button>
      <Button size="small" icon={<DislikeOutlined />} onClick={() => send(false)}>
        没帮助
      </Button>
    </Space>
  );
};

const Alternatives = ({ items, onPick }: { items: AskResult['answers']; onPick: (id: string) => void }) =>
  items.length === 0 ? null : (
    <div className="help-chat__alternatives">
      <div className="help-chat__alternatives-title">您可能还想问：</div>
      {items.map((a) => (
        <Button key={a.id} type="link" size="small" className="help-chat__alt-link" onClick={() => onPick(a.id)}>
          {a.title}
        </Button>
      ))}
    </div>
  );

/** The assistant's reply: the answer with its source title, up to two alternatives, feedback, and 转人工 when unsure. */
export const BotAnswer = ({ result, onPickEntry, onHandoff }: Props) => {
  const top = result.answerId ? result.answers[0] : undefined;
  const alternatives = top ? result.answers.slice(1, 3) : result.answers.slice(0, 3);
  return (
    <div className="help-chat__bubble help-chat__bubble--bot" data-testid="bot-answer">
      {top ? (
        <>
          <div className="help-chat__source">
            来源：<Link to={`/help/entries/${top.id}`}>{top.title}</Link>
          </div>
          <div className="help-chat__answer">{top.answer}</div>
        </>
      ) : (
        <div className="help-chat__answer">抱歉，没有找到与您的问题匹配的答案。您可以换个说法再问，或点击“转人工”由客服为您解答。</div>
      )}
      <Alternatives items={alternatives} onPick={onPickEntry} />
      <div className="help-chat__actions">
        <Feedback askId={result.askId} />
        {result.handoff ? (
          <Button size="small" type="primary" ghost onClick={onHandoff}>
            转人工
          </Button>
        ) : null}
      </div>
    </div>
  );
};
