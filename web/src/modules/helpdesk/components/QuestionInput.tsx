import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Button, Input, Space } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { helpdeskApi, helpdeskKeys } from '../helpdesk.api';
import { useDebounced } from '../../../components/use-debounced';

/** The question box with type-ahead from /suggest; Enter or 发送 asks. */
export const QuestionInput = ({ onAsk, disabled }: { onAsk: (question: string) => void; disabled?: boolean }) => {
  const [text, setText] = useState('');
  const typed = useDebounced(text.trim(), 200);
  const { data } = useQuery({
    queryKey: helpdeskKeys.suggest(typed),
    queryFn: ({ signal }) => helpdeskApi.suggest(typed, signal),
    enabled: typed.length > 0,
    staleTime: 60_000,
    retry: false,
  });
  const options = typed ? (data?.items ?? []).map((s) => ({ value: s.text, label: s.text })) : [];
  // Enter on a highlighted suggestion fires both select and press-enter; ask once.
  const last = useRef({ question: '', at: 0 });
  const submit = (value = text) => {
    const question = value.trim();
    if (!question || disabled) return;
    const now = Date.now();
    if (last.current.question === question && now - last.current.at < 500) return;
    last.current = { question, at: now };
    onAsk(question);
    setText('');
  };
  return (
    <Space.Compact className="help-chat__input">
      <AutoComplete
        value={text}
        options={options}
        onChange={setText}
        onSelect={(value: string) => submit(value)}
        style={{ flex: 1 }}
        popupMatchSelectWidth
      >
        <Input
          placeholder="请输入您的问题，如：忘记密码怎么办"
          maxLength={300}
          aria-label="输入问题"
          onPressEnter={(e) => {
            if (!(e.nativeEvent as KeyboardEvent).isComposing) submit();
          }}
        />
      </AutoComplete>
      <Button type="primary" icon={<SendOutlined />} onClick={() => submit()} disabled={disabled}>
        发送
      </Button>
    </Space.Compact>
  );
};
