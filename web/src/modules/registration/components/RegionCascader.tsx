import { useMemo } from 'react';
import { Cascader } from 'antd';
import type { ProfileOptions } from '@cep/contracts';

type Region = ProfileOptions['regions'][number];
type Node = { value: string; label: string; children?: Node[] };

const treeOf = (regions: Region[]): Node[] => {
  const nodes = new Map<string, Node>(regions.map((r) => [r.code, { value: r.code, label: r.name }]));
  const roots: Node[] = [];
  for (const r of regions) {
    const node = nodes.get(r.code)!;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    if (parent) {
      parent.children ??= [];
      parent.children.push(node);
    } else roots.push(node);
  }
  return roots;
};

const pathOf = (regions: Region[], code: string | undefined) => {
  const byCode = new Map(regions.map((r) => [r.code, r]));
  const path: string[] = [];
  for (let r = code ? byCode.get(code) : undefined; r; r = r.parentCode ? byCode.get(r.parentCode) : undefined) path.unshift(r.code);
  return path;
};

/** 所在地区: province > city > county; any level may be chosen (a city-level authority picks the city). */
export const RegionCascader = ({
  regions,
  value,
  onChange,
  id,
}: {
  regions: Region[];
  value?: string;
  onChange?: (code: string | undefined) => void;
  id?: string;
}) => {
  const options = useMemo(() => treeOf(regions), [regions]);
  return (
    <Cascader
      id={id}
      options={options}
      changeOnSelect
      value={pathOf(regions, value)}
      onChange={(path) => onChange?.(path?.length ? String(path[path.length - 1]) : undefined)}
      placeholder="请选择省 / 市 / 区县"
      showSearch
      style={{ width: '100%' }}
    />
  );
};
