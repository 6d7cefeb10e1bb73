import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Form, Grid, Input, InputNumber, Table, Tag } from 'antd';
import { learningCategoryLabels, type RequestAttachment, type RosterLine, type TrainingPlanItem } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { useSubmission } from '../../../components/use-submission';
import { reviewKeys } from '../../reviews/reviews.api';
import { AttachmentUpload } from '../../reviews/components/AttachmentUpload';
import { trainingApi, trainingKeys } from '../training.api';
import { parseRoster } from '../roster';

type Values = { roster: string; hours: number; attachments: RequestAttachment[] };

const RosterResult = ({ lines }: { lines: RosterLine[] }) => {
  const bad = lines.filter((l) => !l.ok).length;
  return (
    <>
      <Alert
        type={bad ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 8 }}
        title={bad ? `共 ${lines.length} 人，其中 ${bad} 人有误，请修改后重新核对` : `共 ${lines.length} 人，均已核对无误`}
      />
      <Table<RosterLine>
        rowKey="line"
        size="small"
        className="proxy-claim__roster"
        dataSource={lines}
        pagination={lines.length > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 520 }}
        columns={[
          { title: '行', dataIndex: 'line', width: 50 },
          { title: '姓名', dataIndex: 'name', width: 90 },
          {
            title: '核对结果',
            width: 220,
            render: (_, l) =>
              l.ok ? <Tag color="green">{l.employerName ?? '已找到'}</Tag> : <span className="training-plans__error">{l.message}</span>,
          },
          { title: '身份证号', dataIndex: 'idNumberMasked', width: 170 },
        ]}
      />
    </>
  );
};

/**
 * 代申报学时 under an approved plan: the roster as the sign-in sheet has it (ID number and name a line), checked against
 * the registered professionals before it is filed, the hours each earned, and the sign-in sheet.
 */
export const ProxyClaimDrawer = ({ plan, onClose }: { plan: TrainingPlanItem | null; onClose: () => void }) => {
  const [form] = Form.useForm<Values>();
  const isPhone = Grid.useBreakpoint().md === false;
  const [checked, setChecked] = useState<{ text: string; lines: RosterLine[] } | null>(null);
  const roster = Form.useWatch('roster', form) ?? '';
  const parsed = parseRoster(roster);
  const clean = checked !== null && checked.text === roster && checked.lines.every((l) => l.ok);
  const submit = useSubmission({
    submit: (v: Values) =>
      trainingApi.submitProxyClaim({
        planId: plan!.id,
        hours: v.hours,
        attendees: parseRoster(v.roster).entries,
        attachmentIds: v.attachments.map((a) => a.id),
      }),
    success: '已提交，待人社部门审批',
    refresh: [trainingKeys.all, reviewKeys.all],
    done: () => {
      setChecked(null);
      onClose();
    },
  });
  const { refusal, setRefusal } = submit;
  const check = useMutation({
    mutationFn: (text: string) => trainingApi.checkRoster(parseRoster(text).entries, plan?.id).then((lines) => ({ text, lines })),
    onSuccess: (result) => {
      setChecked(result);
      setRefusal(null);
    },
    onError: (e) => setRefusal(isApiError(e) ? e.message : '核对失败，请稍后再试'),
  });
  return (
    <Drawer open={Boolean(plan)} onClose={onClose} title="代申报学时" size={isPhone ? '100%' : 640} className="proxy-claim-form" destroyOnHidden>
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
            initialValues={{ hours: plan.hours, roster: '', attachments: [] }}
            onFinish={(v) => submit.mutate(v)}
          >
            <Form.Item
              name="roster"
              label="参训人员名单"
              rules={[{ required: true, whitespace: true, message: '请填写参训人员' }]}
              extra="每行一人：身份证号 姓名（可从Excel复制两列粘贴），一次最多500人"
            >
              <Input.TextArea rows={6} placeholder={'410105199001011234 张三\n410105198805203456 李四'} spellCheck={false} />
            </Form.Item>
            {parsed.problems.length > 0 ? (
              <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={parsed.problems.slice(0, 3).join('；')} />
            ) : null}
            <Button
              style={{ marginBottom: 16 }}
              loading={check.isPending}
              disabled={parsed.entries.length === 0 || parsed.problems.length > 0}
              onClick={() => check.mutate(roster)}
            >
              核对名单
            </Button>
            {checked && checked.text === roster ? <RosterResult lines={checked.lines} /> : null}
            <Form.Item
              name="hours"
              label="每人学时"
              rules={[{ required: true, message: '请填写每人学时' }]}
              extra={`不超过培训计划的${plan.hours}学时`}
              style={{ marginTop: 16 }}
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
            {refusal ? <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} /> : null}
            <Button type="primary" htmlType="submit" loading={submit.isPending} disabled={!clean} block>
              {clean ? '提交申报' : '核对无误后提交'}
            </Button>
          </Form>
        </>
      ) : null}
    </Drawer>
  );
};
