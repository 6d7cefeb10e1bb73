import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Grid, Radio } from 'antd';
import type { OrgDetail, PendingItem, SuperiorKind } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { reviewKeys, reviewsApi } from '../../reviews/reviews.api';
import { PendingItems } from '../../reviews/components/PendingItems';
import { RegionCascader } from '../../registration/components/RegionCascader';
import { SuperiorSelect } from '../../registration/components/ChoiceSelects';
import { organizationKeys, organizationsApi } from '../organizations.api';

type Values = { kind: SuperiorKind; regionCode?: string; superiorId: string };

/** Which kinds of org may be the superior of an org of this kind (seed 002 FAQ 24, 28). */
const slots: Record<string, { value: SuperiorKind; label: string }[]> = {
  employer: [
    { value: 'employer', label: '上级单位' },
    { value: 'authority', label: '主管部门' },
    { value: 'bureau', label: '同级人社部门' },
  ],
  authority: [{ value: 'bureau', label: '同级人社部门' }],
  provider: [
    { value: 'authority', label: '主管部门' },
    { value: 'bureau', label: '同级人社部门' },
  ],
};

/**
 * 更换上级部门 (seed 000 7, 002 FAQ 28): choose the kind and the new superior; what still waits under the org stops
 * it and is listed, with 撤回 where this admin may; the old superior and the new one then approve.
 */
export const SuperiorChangeDrawer = ({ open, org, onClose }: { open: boolean; org: OrgDetail; onClose: () => void }) => {
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const isPhone = Grid.useBreakpoint().md === false;
  const kinds = slots[org.kind] ?? [];
  const kind = Form.useWatch('kind', form);
  const regionCode = Form.useWatch('regionCode', form);
  const [pending, setPending] = useState<PendingItem[]>([]);
  const options = useQuery({ queryKey: organizationKeys.options, queryFn: organizationsApi.options, staleTime: Number.POSITIVE_INFINITY });
  const refresh = () =>
    Promise.all([client.invalidateQueries({ queryKey: organizationKeys.changes }), client.invalidateQueries({ queryKey: reviewKeys.all })]);
  const change = useMutation({
    mutationFn: (v: Values) => organizationsApi.changeSuperior({ superiorId: v.superiorId }),
    onSuccess: (r) => {
      message.success(r.message);
      setPending([]);
      form.resetFields();
      onClose();
    },
    onError: (e) => setPending(isApiError(e) ? ((e.details.pending as PendingItem[] | undefined) ?? []) : []),
    onSettled: refresh,
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => reviewsApi.withdraw(id),
    onSuccess: (_r, id) => {
      message.success('已撤回');
      setPending((items) => items.filter((i) => i.id !== id));
    },
    onError: (e) => message.error(isApiError(e) ? e.message : '撤回失败'),
    onSettled: refresh,
  });
  return (
    <Drawer title="更换上级部门" open={open} onClose={onClose} size={isPhone ? '100%' : 520} destroyOnHidden className="superior-change">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`当前上级部门：${org.superior?.name ?? '—'}。本单位及下级单位没有待审核信息时才能更换；提交后需原上级部门和新的上级部门双方审核通过，本单位及下级单位、人员和学时记录随之转到新的上级部门下。`}
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: kinds[0]?.value, regionCode: org.region.code }}
        onFinish={(v) => change.mutate(v)}
      >
        <Form.Item name="kind" label="机构类型" rules={[{ required: true, message: '请选择机构类型' }]}>
          <Radio.Group options={kinds} onChange={() => form.setFieldValue('superiorId', undefined)} />
        </Form.Item>
        <Form.Item name="regionCode" label="所在地区" rules={[{ required: true, message: '请选择所在地区' }]}>
          {options.data ? <RegionCascader regions={options.data.regions} onChange={() => form.setFieldValue('superiorId', undefined)} /> : <span />}
        </Form.Item>
        <Form.Item name="superiorId" label="新的上级部门" rules={[{ required: true, message: '请选择新的上级部门' }]}>
          <SuperiorSelect kinds={kind ? [kind] : []} regionCode={regionCode} placeholder="输入名称关键字搜索" />
        </Form.Item>
        {change.error ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={isApiError(change.error) ? change.error.message : '提交失败，请稍后再试'}
            description={
              pending.length > 0 ? (
                <PendingItems items={pending} onWithdraw={(id) => withdraw.mutate(id)} busyId={withdraw.isPending ? withdraw.variables : null} />
              ) : undefined
            }
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          提交审核
        </Button>
      </Form>
    </Drawer>
  );
};
