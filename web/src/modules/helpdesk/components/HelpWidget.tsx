import { useState } from 'react';
import { Button, Drawer, Grid } from 'antd';
import { CloseOutlined, CustomerServiceOutlined } from '@ant-design/icons';
import type { LoginRole } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { helpdeskApi } from '../helpdesk.api';
import { ChatPanel } from './ChatPanel';
import { HandoffForm } from './HandoffForm';
import { lastQuestionOf, messageKey, type ChatMessage } from './chat-types';
import './help-widget.css';

const conversationId = `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

const useChat = (role?: LoginRole) => {
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [busy, setBusy] = useState(false);
  const add = (m: ChatMessage) => setMessages((list) => [...list, m]);
  const fail = (e: unknown) => add({ key: messageKey(), from: 'error', text: isApiError(e) ? e.message : '网络异常，请稍后再试' });
  const ask = async (question: string) => {
    add({ key: messageKey(), from: 'user', text: question });
    setBusy(true);
    try {
      add({ key: messageKey(), from: 'bot', result: await helpdeskApi.ask({ question, role, conversationId }) });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const pickEntry = async (id: string) => {
    try {
      const entry = await helpdeskApi.entry(id);
      add({ key: messageKey(), from: 'user', text: entry.title });
      add({ key: messageKey(), from: 'entry', entry });
    } catch (e) {
      fail(e);
    }
  };
  return { messages, busy, ask, pickEntry };
};

/**
 * The help button on every page: a small tab on the right edge that opens a side panel (never a window
 * floating over the page) with a visible 关闭 button. A spacer keeps the page's last lines clear of the tab.
 */
export const HelpWidget = ({ role }: { role?: LoginRole }) => {
  const [open, setOpen] = useState(false);
  const [view, setView] = useState<'chat' | 'handoff'>('chat');
  const chat = useChat(role);
  const isPhone = Grid.useBreakpoint().md === false;
  return (
    <>
      <div className="help-widget__spacer" aria-hidden />
      {open ? null : (
        <button type="button" className="help-widget__tab" onClick={() => setOpen(true)} aria-label="在线客服">
          <CustomerServiceOutlined />
          <span className="help-widget__tab-text">在线客服</span>
        </button>
      )}
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        size={isPhone ? '100%' : 420}
        mask={isPhone}
        closable={false}
        title={view === 'chat' ? '在线客服 · 智能问答' : '转人工客服'}
        extra={
          <Button icon={<CloseOutlined />} onClick={() => setOpen(false)}>
            关闭
          </Button>
        }
        styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column' } }}
        className="help-widget__drawer"
      >
        {view === 'chat' ? (
          <ChatPanel messages={chat.messages} busy={chat.busy} onAsk={chat.ask} onPickEntry={chat.pickEntry} onHandoff={() => setView('handoff')} />
        ) : (
          <HandoffForm messages={chat.messages} initialQuestion={lastQuestionOf(chat.messages)} onBack={() => setView('chat')} />
        )}
      </Drawer>
    </>
  );
};
