import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDebounced } from '../../../components/use-debounced';
import { peopleApi, peopleKeys } from '../people.api';

/** An active employer of the admin's scope, searched by name (the admin's own org first). */
export const ScopeEmployerSelect = (props: {
  value?: string;
  onChange?: (id?: string) => void;
  placeholder: string;
  allowClear?: boolean;
  ariaLabel: string;
  style?: React.CSSProperties;
}) => {
  const [keyword, setKeyword] = useState('');
  const typed = useDebounced(keyword.trim(), 300);
  const { data, isFetching } = useQuery({ queryKey: peopleKeys.employers(typed), queryFn: () => peopleApi.employers(typed) });
  return (
    <Select
      allowClear={props.allowClear}
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      value={props.value}
      onChange={(v?: string) => props.onChange?.(v)}
      loading={isFetching}
      placeholder={props.placeholder}
      notFoundContent={isFetching ? '搜索中…' : '没有找到您管理范围内的用人单位'}
      style={props.style}
      options={(data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
      aria-label={props.ariaLabel}
    />
  );
};
