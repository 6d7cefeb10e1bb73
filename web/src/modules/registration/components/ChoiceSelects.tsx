import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import type { SuperiorKind } from '@cep/contracts';
import { registrationApi, registrationKeys } from '../registration.api';
import { useDebounced } from '../../../components/use-debounced';

type SelectProps = { id?: string; value?: string; onChange?: (value: string | undefined) => void; placeholder?: string };

type SearchSelectProps = SelectProps & {
  options: { value: string; label: string }[];
  isFetching: boolean;
  onSearch: (typed: string) => void;
  disabled?: boolean;
  notFoundContent: string;
};

/** An antd Select whose options come from the server as the user types (no client-side filtering). */
const SearchSelect = ({ id, value, onChange, placeholder, options, isFetching, onSearch, disabled, notFoundContent }: SearchSelectProps) => (
  <Select
    id={id}
    value={value}
    onChange={onChange}
    options={options}
    loading={isFetching}
    allowClear
    disabled={disabled}
    placeholder={placeholder}
    showSearch={{ filterOption: false, onSearch }}
    notFoundContent={notFoundContent}
  />
);

/** Active orgs of one kind in the chosen region and the regions above it, filtered by what is typed. */
export const SuperiorSelect = ({
  id,
  value,
  onChange,
  kinds,
  regionCode,
  placeholder,
}: SelectProps & { kinds: SuperiorKind[]; regionCode?: string }) => {
  const [typed, setKeyword] = useState('');
  const keyword = useDebounced(typed);
  const { data, isFetching } = useQuery({
    queryKey: registrationKeys.superiors(kinds, regionCode, keyword),
    queryFn: async () =>
      (await Promise.all(kinds.map((kind) => registrationApi.superiors({ kind, regionCode, keyword: keyword || undefined })))).flatMap(
        (r) => r.items,
      ),
    enabled: Boolean(regionCode),
  });
  return (
    <SearchSelect
      id={id}
      value={value}
      onChange={onChange}
      options={(data ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.regionName}）` }))}
      isFetching={isFetching}
      onSearch={setKeyword}
      disabled={!regionCode}
      placeholder={regionCode ? (placeholder ?? '请选择') : '请先选择所在地区'}
      notFoundContent={isFetching ? '查询中…' : '未找到，请换个关键字；只有审核通过的单位才能选择'}
    />
  );
};

/** 所在单位: search active employers (临时单位 included) by a keyword of the name (seed 002 FAQ 8). */
export const EmployerSearchSelect = ({ id, value, onChange }: SelectProps) => {
  const [typed, setKeyword] = useState('');
  const keyword = useDebounced(typed);
  const { data, isFetching } = useQuery({
    queryKey: registrationKeys.employers(keyword),
    queryFn: () => registrationApi.employers(keyword),
    enabled: keyword.trim().length > 0,
  });
  return (
    <SearchSelect
      id={id}
      value={value}
      onChange={onChange}
      options={(data?.items ?? []).map((o) => ({ value: o.id, label: `${o.name}（${o.regionName}）${o.isPlaceholder ? ' · 临时单位' : ''}` }))}
      isFetching={isFetching}
      onSearch={(v) => setKeyword(v.trim())}
      placeholder="输入单位名称关键字搜索"
      notFoundContent={keyword ? (isFetching ? '搜索中…' : '未找到该单位：单位需先注册并审核通过后才能选择') : '请输入单位名称关键字'}
    />
  );
};
