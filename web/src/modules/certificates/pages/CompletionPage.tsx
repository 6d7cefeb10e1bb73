import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { hoursSourceLabels, learningCategoryLabels, type CompletionRecord, type CompletionYear } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { certificateKeys, certificatesApi } from '../certificates.api';
import { CERTIFICATE_NOTE, PrintedDialog, usePrintedFile } from '../components/PrintedFile';
import { ProrationDrawer } from '../components/ProrationDrawer';
import { resultColors } from '../certificates.labels';
import '../certificates.css';

type Print = ReturnType<typeof usePrintedFile<{ fromYear: number; toYear: number }>>;

/** "24 / 60": what counts against what is required; a whole-year mark says so. */
const against = (counted: number, required: number, fullYear = false) => (fullYear ? `全年完成 / ${required}` : `${counted} / ${required}`);

const Records = ({ records }: { records: CompletionRecord[] }) =>
  records.length === 0 ? (
    <Typography.Text type="secondary">该年度暂无审核通过的学时记录</Typography.Text>
  ) : (
    <Table<CompletionRecord>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={records}
      className="completion-records"
      columns={[
        { title: '学时记录', dataIndex: 'title' },
        { title: '科目', render: (_, r) => learningCategoryLabels[r.category], width: 90 },
        { title: '学时', render: (_, r) => (r.fullYear ? '全年完成' : r.hours), width: 90 },
        {
          title: '来源',
          render: (_, r) => (r.sourceName ? `${hoursSourceLabels[r.source]}（${r.sourceName}）` : hoursSourceLabels[r.source]),
          width: 180,
        },
        { title: '计入时间', render: (_, r) => dayjs(r.createdAt).format('YYYY-MM-DD'), width: 110 },
      ]}
    />
  );

type Range = { from?: number; to?: number };

/** Two year selects (起始年度 至 结束年度) over `years`; `labelPrefix` tells two pickers of one page apart. */
const YearRange = ({
  years,
  range,
  onChange,
  labelPrefix = '',
}: {
  years: number[];
  range: Range;
  onChange: (r: Range) => void;
  labelPrefix?: string;
}) => {
  const options = [...years].sort().map((y) => ({ value: y, label: `${y}年` }));
  return (
    <>
      <Select
        placeholder="起始年度"
        style={{ width: 120 }}
        options={options}
        value={range.from}
        onChange={(from) => onChange({ ...range, from })}
        aria-label={`${labelPrefix}起始年度`}
      />
      <span>至</span>
      <Select
        placeholder="结束年度"
        style={{ width: 120 }}
        options={options}
        value={range.to}
        onChange={(to) => onChange({ ...range, to })}
        aria-label={`${labelPrefix}结束年度`}
      />
    </>
  );
};

const isRange = (r: Range): r is { from: number; to: number } => Boolean(r.from && r.to && r.from <= r.to);

/** 合并打印 (seed 002 37): one certificate for a range of years, allowed when every year in it passed. */
const MergedPrint = ({ years, print }: { years: CompletionYear[]; print: Print }) => {
  const passed = years.filter((y) => y.result === 'passed').map((y) => y.year);
  const [range, setRange] = useState<Range>({});
  const failing = years.find((y) => range.from && range.to && y.year >= range.from && y.year <= range.to && y.result !== 'passed');
  return (
    <div className="completion-page__merge">
      <Typography.Text strong>合并打印</Typography.Text>
      <Space wrap>
        <YearRange years={passed} range={range} onChange={setRange} />
        <Button
          icon={<PrinterOutlined />}
          disabled={!isRange(range) || Boolean(failing)}
          loading={print.isPending}
          onClick={() => isRange(range) && print.mutate({ fromYear: range.from, toYear: range.to })}
        >
          合并打印证书
        </Button>
      </Space>
      {failing ? <Alert type="warning" showIcon title={`${failing.year}年度${failing.resultLabel}，所选年度都达标后才能合并打印`} /> : null}
      {passed.length === 0 ? <Typography.Text type="secondary">暂无达标年度；年度学时达标后可打印继续教育证书。</Typography.Text> : null}
    </div>
  );
};

/** 学时证明 (seed 003 7.1): the records of any years, passed or not, on one page. */
const StatementPrint = ({ years, statement }: { years: CompletionYear[]; statement: Print }) => {
  const [range, setRange] = useState<Range>({});
  return (
    <div className="completion-page__merge completion-page__statement">
      <Typography.Text strong>学时证明</Typography.Text>
      <Space wrap>
        <YearRange years={years.map((y) => y.year)} range={range} onChange={setRange} labelPrefix="学时证明" />
        <Button
          icon={<FileTextOutlined />}
          disabled={!isRange(range)}
          loading={statement.isPending}
          onClick={() => isRange(range) && statement.mutate({ fromYear: range.from, toYear: range.to })}
        >
          打印学时证明
        </Button>
      </Space>
      <Typography.Text type="secondary">列出所选年度的全部学时记录及各年度认定结果，未达标的年度也可打印。</Typography.Text>
    </div>
  );
};

/** 年度完成情况 (annualCompletion): each year against its standard, the result, what is missing and the records behind it. */
export const CompletionPage = () => {
  const { data, isLoading, error } = useQuery({ queryKey: certificateKeys.completion, queryFn: certificatesApi.completion });
  const print = usePrintedFile(certificatesApi.print);
  const statement = usePrintedFile(certificatesApi.statement);
  const [prorating, setProrating] = useState(false);
  const cases = data?.prorationCases ?? [];
  return (
    <Card
      title="年度完成情况"
      className="completion-page"
      extra={
        cases.length > 0 ? (
          <Button onClick={() => setProrating(true)} disabled={!data}>
            学时折算申请
          </Button>
        ) : null
      }
    >
      <Typography.Paragraph type="secondary">
        每年度的学时按当年的标准（职称等级、所在地区）计算；审核通过的学时计入后即时更新。点开年度可查看计入的每一条学时记录。
      </Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
      <Table<CompletionYear>
        rowKey="year"
        loading={isLoading}
        dataSource={data?.years ?? []}
        pagination={false}
        scroll={{ x: 880 }}
        expandable={{ expandedRowRender: (y) => <Records records={y.records} />, rowExpandable: () => true }}
        locale={{ emptyText: '暂无年度' }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 80 },
          { title: '公需科目', render: (_, y) => against(y.counted.public, y.required.public, y.publicFullYear), width: 120 },
          { title: '专业科目', render: (_, y) => against(y.counted.specialized, y.required.specialized, y.specializedFullYear), width: 120 },
          { title: '总学时', render: (_, y) => against(y.counted.total, y.required.total), width: 110 },
          {
            title: '结果',
            width: 90,
            render: (_, y) => <Tag color={resultColors[y.result]}>{y.resultLabel}</Tag>,
          },
          {
            title: '说明',
            render: (_, y) => (
              <>
                {y.missing ? <div className="completion-page__missing">{y.missing}</div> : null}
                {y.monthsInPost !== null ? <Tag color="gold">{`已按在岗${y.monthsInPost}个月折算`}</Tag> : null}
                <div className="completion-page__note">{y.note}</div>
              </>
            ),
          },
          {
            title: '证书',
            width: 120,
            fixed: 'right',
            render: (_, y) =>
              y.result === 'passed' ? (
                <Button type="link" size="small" icon={<PrinterOutlined />} onClick={() => print.mutate({ fromYear: y.year, toYear: y.year })}>
                  打印证书
                </Button>
              ) : (
                <Typography.Text type="secondary">达标后可打印</Typography.Text>
              ),
          },
        ]}
      />
      {data ? <MergedPrint years={data.years} print={print} /> : null}
      {data ? <StatementPrint years={data.years} statement={statement} /> : null}
      <PrintedDialog printed={print.printed} title="继续教育证书已生成" note={CERTIFICATE_NOTE} onClose={print.close} />
      <PrintedDialog printed={statement.printed} title="学时证明已生成" onClose={statement.close} />
      <ProrationDrawer open={prorating} years={(data?.years ?? []).map((y) => y.year)} cases={cases} onClose={() => setProrating(false)} />
    </Card>
  );
};
