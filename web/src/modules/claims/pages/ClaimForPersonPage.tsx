import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Skeleton, Typography } from 'antd';
import type { Claimant, ClaimantLookup } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { RequestProgressList } from '../../reviews/pages/MyProgressPage';
import { claimKeys, claimsApi } from '../claims.api';
import { ClaimForm } from '../components/ClaimForm';
import '../claims.css';

/** 核对: the professional the claim is for, by ID number and name; the form opens once they are found in scope. */
const ClaimantFinder = ({ onFound }: { onFound: (found: { lookup: ClaimantLookup; claimant: Claimant } | null) => void }) => {
  const [error, setError] = useState<string | null>(null);
  const find = useMutation({
    mutationFn: async (lookup: ClaimantLookup) => ({ lookup, claimant: await claimsApi.claimant(lookup) }),
    onSuccess: (found) => {
      setError(null);
      onFound(found);
    },
    onError: (e) => {
      setError(isApiError(e) ? e.message : '查找失败，请稍后再试');
      onFound(null);
    },
  });
  return (
    <Form<ClaimantLookup>
      layout="inline"
      className="claims-for-person__finder"
      onFinish={(v) => find.mutate({ idNumber: v.idNumber.trim(), name: v.name.trim() })}
      onValuesChange={() => onFound(null)}
    >
      <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, whitespace: true, message: '请输入身份证号' }]}>
        <Input maxLength={18} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
        <Input maxLength={30} style={{ width: 120 }} />
      </Form.Item>
      <Button htmlType="submit" loading={find.isPending}>
        核对人员
      </Button>
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12, width: '100%' }} /> : null}
    </Form>
  );
};

/** 学时学分申报 of a bureau (seed 002): hours filed for a professional in its scope, reviewed along their own chain. */
export const ClaimForPersonPage = () => {
  const forms = useQuery({ queryKey: claimKeys.forms, queryFn: claimsApi.forms });
  const [found, setFound] = useState<{ lookup: ClaimantLookup; claimant: Claimant } | null>(null);
  return (
    <div className="claims-page claims-page--single">
      <Card title="学时学分申报" className="claims-page__form">
        <Typography.Paragraph type="secondary">
          为本辖区的专业技术人员申报继续教育学时：先核对人员，再选择学习形式填写。申报由该人员所在单位、主管部门、人社部门逐级审核，提交人不能审核本人提交的申报。
        </Typography.Paragraph>
        <ClaimantFinder onFound={setFound} />
        {found ? (
          <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ margin: '16px 0' }} className="claims-for-person__claimant">
            <Descriptions.Item label="姓名">{found.claimant.name}</Descriptions.Item>
            <Descriptions.Item label="身份证号">{found.claimant.idNumberMasked}</Descriptions.Item>
            <Descriptions.Item label="所在单位">{found.claimant.employerName}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Alert type="info" showIcon style={{ margin: '16px 0' }} title="请先核对要申报学时的人员" />
        )}
        {forms.isLoading ? <Skeleton active /> : null}
        {forms.error ? <Alert type="error" showIcon title={isApiError(forms.error) ? forms.error.message : '加载失败'} /> : null}
        {forms.data ? (
          <ClaimForm view={forms.data} disabled={!found} onSubmit={(body) => claimsApi.submitForPerson({ ...body, claimant: found!.lookup })} />
        ) : null}
      </Card>
      <RequestProgressList title="本人提交的学时申报" kind="claim.hours" empty="暂无为他人申报的学时" />
    </div>
  );
};
