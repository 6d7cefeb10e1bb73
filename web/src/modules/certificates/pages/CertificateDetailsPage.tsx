import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { isApiError } from '../../../api/client';
import { certificateKeys, certificatesApi } from '../certificates.api';
import { Verdict } from './VerifyPage';
import '../certificates.css';

/** 学习记录验证 (bureau): a certificate of someone in the bureau's scope in full, and whether it is still current. */
export const CertificateDetailsPage = () => {
  const [serial, setSerial] = useState('');
  const [typed, setTyped] = useState('');
  const { data, error, isFetching } = useQuery({
    queryKey: certificateKeys.details(serial),
    queryFn: () => certificatesApi.details(serial),
    enabled: serial.length > 0,
    retry: false,
  });
  const open = (s: string) => {
    setTyped(s);
    setSerial(s);
  };
  return (
    <Card title="学习记录验证" className="verify-page">
      <Typography.Paragraph type="secondary">
        输入证书编号，查看本辖区人员继续教育证书的完整信息及其是否有效；公众可在门户“证书验证”核验（只显示脱敏信息）。
      </Typography.Paragraph>
      <Form layout="inline" onFinish={() => open(typed.replace(/\s+/g, '').toUpperCase())} className="verify-page__form">
        <Form.Item label="证书编号" style={{ flex: 1, minWidth: 240, maxWidth: 420 }}>
          <Input value={typed} onChange={(e) => setTyped(e.target.value)} maxLength={24} placeholder="16位证书编号" allowClear />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isFetching} disabled={!typed.trim()}>
          查询
        </Button>
      </Form>
      {error ? <Alert type="error" showIcon style={{ marginTop: 16 }} title={isApiError(error) ? error.message : '查询失败，请稍后再试'} /> : null}
      {data && !error ? <Verdict v={data} onOpen={open} /> : null}
    </Card>
  );
};
