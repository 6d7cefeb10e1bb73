import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { FileTextOutlined, PrinterOutlined, SearchOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { CertificatePerson } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { certificateKeys, certificatesApi } from '../certificates.api';
import { resultColors } from '../certificates.labels';
import { CERTIFICATE_NOTE, PrintedDialog, usePrintedFile } from '../components/PrintedFile';
import '../certificates.css';

type Search = { year: number; q: string };
type ForPerson = { personId: string; fromYear: number; toYear: number };

/**
 * 电子证书查询打印 (bureau): find someone in the bureau's scope by year and ID number or name, see how the year stands,
 * and print their certificate (a passed year) or their 学时证明 (any year). Every print is audited.
 */
export const CertificatePrintPage = () => {
  const thisYear = dayjs().year();
  const [search, setSearch] = useState<Search | null>(null);
  const { data, isFetching, error } = useQuery({
    queryKey: certificateKeys.people(search?.year ?? 0, search?.q ?? ''),
    queryFn: () => certificatesApi.people(search!.year, search!.q),
    enabled: Boolean(search),
    retry: false,
  });
  const print = usePrintedFile(({ personId, ...r }: ForPerson) => certificatesApi.printFor(personId, r));
  const statement = usePrintedFile(({ personId, ...r }: ForPerson) => certificatesApi.statementFor(personId, r));
  const years = Array.from({ length: 12 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年度` }));
  return (
    <Card title="电子证书查询打印" className="certificate-print-page">
      <Typography.Paragraph type="secondary">
        按年度和身份证号（或姓名）查询本辖区的专业技术人员，为年度达标的人员打印继续教育证书，或打印任一年度的学时证明。每次打印均记录在审计日志中。
      </Typography.Paragraph>
      <Form<Search>
        layout="inline"
        initialValues={{ year: thisYear - 1 }}
        onFinish={(v) => setSearch({ year: v.year, q: v.q.trim() })}
        className="certificate-print-page__form"
      >
        <Form.Item name="year" label="年度">
          <Select options={years} style={{ width: 130 }} aria-label="年度" />
        </Form.Item>
        <Form.Item name="q" label="身份证号或姓名" rules={[{ required: true, whitespace: true, message: '请输入身份证号或姓名' }]}>
          <Input placeholder="18位身份证号，或完整姓名" maxLength={30} allowClear style={{ width: 240 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={isFetching}>
          查询
        </Button>
      </Form>
      {error ? <Alert type="error" showIcon style={{ marginTop: 16 }} title={isApiError(error) ? error.message : '查询失败'} /> : null}
      <Table<CertificatePerson>
        rowKey="personId"
        size="middle"
        style={{ marginTop: 16 }}
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: search ? '本辖区没有符合条件的专业技术人员' : '请输入身份证号或姓名查询' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 100 },
          { title: '身份证号', dataIndex: 'idNumberMasked', width: 180 },
          { title: '工作单位', dataIndex: 'employerName', ellipsis: true },
          {
            title: '年度结果',
            width: 210,
            render: (_, p) => (
              <Space size={4} wrap>
                {p.result ? (
                  <Tag color={resultColors[p.result]}>{p.resultLabel}</Tag>
                ) : (
                  <Typography.Text type="secondary">{p.resultLabel}</Typography.Text>
                )}
                {p.counted ? <span>{`${p.counted.total}学时`}</span> : null}
                {p.missing ? <Typography.Text type="danger">{p.missing}</Typography.Text> : null}
              </Space>
            ),
          },
          {
            title: '操作',
            width: 200,
            fixed: 'right',
            render: (_, p) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<PrinterOutlined />}
                  disabled={p.result !== 'passed'}
                  onClick={() => print.mutate({ personId: p.personId, fromYear: p.year, toYear: p.year })}
                >
                  打印证书
                </Button>
                <Button
                  type="link"
                  size="small"
                  icon={<FileTextOutlined />}
                  disabled={!p.result}
                  onClick={() => statement.mutate({ personId: p.personId, fromYear: p.year, toYear: p.year })}
                >
                  学时证明
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <PrintedDialog printed={print.printed} title="继续教育证书已生成" note={CERTIFICATE_NOTE} onClose={print.close} />
      <PrintedDialog printed={statement.printed} title="学时证明已生成" onClose={statement.close} />
    </Card>
  );
};
