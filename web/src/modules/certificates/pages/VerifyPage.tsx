import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CertificateDetails, CertificateVerification } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { certificateKeys, certificatesApi } from '../certificates.api';
import '../certificates.css';

type Year = CertificateVerification['years'][number];

/** The verdict on a serial; a bureau's view (`CertificateDetails`) shows the person in full instead of masked. */
export const Verdict = ({ v, onOpen }: { v: CertificateVerification | CertificateDetails; onOpen: (serial: string) => void }) => (
  <div className="verify-page__result">
    <Result
      status={v.status === 'valid' ? 'success' : 'warning'}
      title={
        <>
          证书{v.statusLabel} <Tag color={v.status === 'valid' ? 'green' : 'red'}>{v.statusLabel}</Tag>
        </>
      }
      subTitle={v.reason ?? '该证书由本平台签发，内容与学时记录一致'}
      extra={v.successorSerial ? <Button onClick={() => onOpen(v.successorSerial!)}>查看替代它的证书 {v.successorSerial}</Button> : null}
    />
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label="证书编号">{v.serial}</Descriptions.Item>
      {'employerName' in v ? (
        <>
          <Descriptions.Item label="姓名">{v.name}</Descriptions.Item>
          <Descriptions.Item label="身份证号">{v.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label="工作单位">{v.employerName}</Descriptions.Item>
          <Descriptions.Item label="职称系列">{`${v.titleSeriesName}（${v.titleLevelName}）`}</Descriptions.Item>
        </>
      ) : (
        <>
          <Descriptions.Item label="姓名">{v.nameMasked}</Descriptions.Item>
          <Descriptions.Item label="身份证号后4位">{v.idLast4}</Descriptions.Item>
        </>
      )}
      <Descriptions.Item label="发证机构">{v.issuerName}</Descriptions.Item>
      <Descriptions.Item label="发证日期">{dayjs(v.issuedAt).format('YYYY-MM-DD')}</Descriptions.Item>
    </Descriptions>
    <Table<Year>
      size="small"
      rowKey="year"
      pagination={false}
      dataSource={v.years}
      style={{ marginTop: 16 }}
      columns={[
        { title: '年度', dataIndex: 'year' },
        { title: '公需科目（学时）', dataIndex: 'public' },
        { title: '专业科目（学时）', dataIndex: 'specialized' },
        { title: '合计（学时）', dataIndex: 'total' },
      ]}
    />
  </div>
);

/** 学习记录验证 (public; a certificate's QR code opens it): is this serial a genuine, current certificate? */
export const VerifyPage = () => {
  const [params, setParams] = useSearchParams();
  const serial = params.get('serial')?.trim() ?? '';
  const [typed, setTyped] = useState(serial);
  const { data, error, isFetching } = useQuery({
    queryKey: certificateKeys.verify(serial),
    queryFn: () => certificatesApi.verify(serial),
    enabled: serial.length > 0,
    retry: false,
  });
  const open = (s: string) => {
    setTyped(s);
    setParams({ serial: s });
  };
  return (
    <Card title="学习记录验证" className="portal-page-narrow verify-page">
      <Typography.Paragraph type="secondary">
        输入继续教育证书上的证书编号（或用手机扫描证书上的二维码），核验证书真伪。为保护个人信息，只显示姓名首尾字和身份证号后4位。
      </Typography.Paragraph>
      <Form layout="inline" onFinish={() => open(typed.replace(/\s+/g, '').toUpperCase())} className="verify-page__form">
        <Form.Item label="证书编号" style={{ flex: 1, minWidth: 240 }}>
          <Input value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={24} placeholder="16位证书编号" allowClear />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isFetching} disabled={!typed.trim()}>
          验证
        </Button>
      </Form>
      {error ? <Alert type="error" showIcon style={{ marginTop: 16 }} title={isApiError(error) ? error.message : '验证失败，请稍后再试'} /> : null}
      {data && !error ? <Verdict v={data} onOpen={open} /> : null}
    </Card>
  );
};
