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
  // Enter asks what was typed unless the user moved onto a suggestion with the arrow keys. The select also
  // acts on Enter (on whichever option the arrows or the mouse pointer made active), after this input's own
  // handler: `enterAsked` lets that second action through only when the arrows chose it.
  const browsing = useRef(false);
  const enterAsked = useRef(false);
  const submit = (value = text) => {
    const question = value.trim();
    if (!question || disabled) return;
    onAsk(question);
    setText('');
  };
  return (
    <Space.Compact className="help-chat__input">
      <AutoComplete
        value={text}
        options={options}
        onChange={(value: string) => {
          browsing.current = false;
          setText(value);
        }}
        onSelect={(value: string) => {
          browsing.current = false;
          if (!enterAsked.current) submit(value);
        }}
        style={{ flex: 1 }}
        popupMatchSelectWidth
        defaultActiveFirstOption={false}
      >
        <Input
          placeholder="请输入您的问题，如：忘记密码怎么办"
          maxLength={300}
          aria-label="输入问题"
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') browsing.current = true;
            if (e.key === 'Escape') browsing.current = false;
          }}
          onPressEnter={(e) => {
            if ((e.nativeEvent as KeyboardEvent).isComposing || (browsing.current && options.length > 0)) return;
            enterAsked.current = true;
            setTimeout(() => {
              enterAsked.current = false;
            });
            submit();
          }}
        />
      </AutoComplete>
      <Button type="primary" icon={<SendOutlined />} onClick={() => submit()} disabled={disabled}>
        发送
      </Button>
    </Space.Compact>
  );
};
