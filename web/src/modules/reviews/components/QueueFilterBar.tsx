import { useEffect } from 'react';
import { Button, Form, Input, Select, Space } from 'antd';
import type { ReviewKindOption, ReviewYearCounts } from '@cep/contracts';
import { yearOptions } from '../reviews.helpers';

export type QueueFilters = { kind: string; year?: number; keyword?: string };

type Props = {
  kinds: ReviewKindOption[];
  /** How many wait of each kind, beside its name: a reviewer sees the other kinds' items without opening each. */
  kindCounts?: Record<string, number | undefined>;
  withYear: boolean;
  /** How many wait per year: shown beside each year, and a year further back than the list is added. */
  yearCounts?: ReviewYearCounts;
  value: QueueFilters;
  onChange: (f: QueueFilters) => void;
  thisYear: number;
};

/** 申请类型 (when a page reviews several kinds), 年度 (kinds with a credit year) and a keyword. */
export const QueueFilterBar = ({ kinds, kindCounts = {}, withYear, yearCounts = [], value, onChange, thisYear }: Props) => {
  const [form] = Form.useForm<QueueFilters>();
  const years = yearOptions(thisYear, yearCounts);
  const submit = (f: QueueFilters) => onChange({ kind: f.kind ?? value.kind, year: f.year, keyword: f.keyword?.trim() || undefined });
  // The page may pick the kind itself (the one with something waiting): the form follows.
  useEffect(() => form.setFieldsValue({ kind: value.kind }), [form, value.kind]);
  return (
    <Form
      form={form}
      layout="inline"
      initialValues={value}
      onFinish={submit}
      // Another kind is another list: shown at once, its year filter cleared (the years are the kind's own).
      onValuesChange={(changed: Partial<QueueFilters>) => {
        if (changed.kind) {
          form.setFieldsValue({ year: undefined });
          submit({ ...form.getFieldsValue(), kind: changed.kind, year: undefined });
        }
      }}
      className="review-queue__filters"
    >
      {kinds.length > 1 ? (
        <Form.Item name="kind" label="申请类型">
          <Select
            style={{ width: 290 }}
            popupMatchSelectWidth={false}
            options={kinds.map((k) => ({ value: k.kind, label: kindCounts[k.kind] ? `${k.label}（待审核 ${kindCounts[k.kind]}）` : k.label }))}
          />
        </Form.Item>
      ) : null}
      {withYear ? (
        <Form.Item name="year" label="年度">
          <Select allowClear placeholder="全部年度" style={{ width: 170 }} options={years} popupMatchSelectWidth={false} />
        </Form.Item>
      ) : null}
      <Form.Item name="keyword" label="关键字">
        <Input allowClear maxLength={50} placeholder="姓名、单位名称或信用代码" style={{ width: 220 }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
        <Button
          onClick={() => {
            form.setFieldsValue({ year: undefined, keyword: undefined });
            onChange({ kind: value.kind });
          }}
        >
          重置
        </Button>
      </Space>
    </Form>
  );
};
