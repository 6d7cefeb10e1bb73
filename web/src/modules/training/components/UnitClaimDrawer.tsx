import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Form, Grid, InputNumber, Select } from 'antd';
import { learningCategoryLabels, type RequestAttachment, type TrainingPlanItem } from '@cep/contracts';
import { useSubmission } from '../../../components/use-submission';
import { useDebounced } from '../../../components/use-debounced';
import { reviewKeys } from '../../reviews/reviews.api';
import { AttachmentUpload } from '../../reviews/components/AttachmentUpload';
import { trainingApi, trainingKeys } from '../training.api';

type Values = { personIds: string[]; hours: number; attachments: RequestAttachment[] };

/** The org's professionals, searched by name or ID-number prefix as the admin types. */
const StaffSelect = (props: { value?: string[]; onChange?: (ids: string[]) => void }) => {
  const [keyword, setKeyword] = useState('');
  const debounced = useDebounced(keyword, 300);
  const { data, isFetching } = useQuery({ queryKey: trainingKeys.staff(debounced), queryFn: () => trainingApi.staff(debounced) });
  const [known, setKnown] = useState(new Map<string, string>());
  const options = (data ?? []).map((s) => ({ value: s.personId, label: `${s.name}（${s.idNumberMasked}）` }));
  return (
    <Select
      {...props}
      mode="multiple"
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      loading={isFetching}
      placeholder="输入姓名或身份证号前几位查找本单位人员"
      notFoundContent={isFetching ? '查找中…' : '没有找到本单位的专业技术人员'}
      options={[...options, ...[...known].filter(([id]) => !options.some((o) => o.value === id)).map(([value, label]) => ({ value, label }))]}
      onChange={(ids: string[]) => {
        setKnown(new Map([...known, ...options.filter((o) => ids.includes(o.value)).map((o) => [o.value, o.label] as const)]));
        props.onChange?.(ids);
      }}
    />
  );
};

/** 学时申报 under an approved plan: the staff who attended, their hours, and the 签到表 and photos. */
export const UnitClaimDrawer = ({ plan, onClose }: { plan: TrainingPlanItem | null; onClose: () => void }) => {
  const [form] = Form.useForm<Values>();
  const isPhone = Grid.useBreakpoint().md === false;
  const submit = useSubmission({
    submit: (v: Values) =>
      trainingApi.submitUnitClaim({ planId: plan!.id, personIds: v.personIds, hours: v.hours, attachmentIds: v.attachments.map((a) => a.id) }),
    success: '已提交，待主管部门审核',
    refresh: [trainingKeys.all, reviewKeys.all],
    done: onClose,
  });
  return (
    <Drawer open={Boolean(plan)} onClose={onClose} title="培训学时申报" size={isPhone ? '100%' : 600} className="unit-claim-form" destroyOnHidden>
      {plan ? (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label="培训计划">{plan.title}</Descriptions.Item>
            <Descriptions.Item label="培训时间">{`${plan.startDate} 至 ${plan.endDate}`}</Descriptions.Item>
            <Descriptions.Item label="科目类别">{learningCategoryLabels[plan.category]}</Descriptions.Item>
          </Descriptions>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ hours: plan.hours, personIds: [], attachments: [] }}
            onFinish={(v) => submit.mutate(v)}
          >
            <Form.Item name="personIds" label="参训人员" rules={[{ required: true, type: 'array', min: 1, message: '请选择参加培训的专业技术人员' }]}>
              <StaffSelect />
            </Form.Item>
            <Form.Item
              name="hours"
              label="每人学时"
              rules={[{ required: true, message: '请填写每人学时' }]}
              extra={`不超过培训计划的${plan.hours}学时`}
            >
              <InputNumber style={{ width: '100%' }} min={0.5} max={plan.hours} step={0.5} suffix="学时" />
            </Form.Item>
            <Form.Item
              name="attachments"
              label="签到表、现场照片、培训视频"
              rules={[{ required: true, type: 'array', min: 1, message: '请上传签到表、现场照片等培训证明材料' }]}
            >
              <AttachmentUpload />
            </Form.Item>
            {submit.refusal ? <Alert type="error" showIcon title={submit.refusal} style={{ marginBottom: 16 }} /> : null}
            <Button type="primary" htmlType="submit" loading={submit.isPending} block>
              提交申报
            </Button>
          </Form>
        </>
      ) : null}
    </Drawer>
  );
};
