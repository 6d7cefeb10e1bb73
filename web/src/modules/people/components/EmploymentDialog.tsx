import { DatePicker, Form, Modal, Radio, Alert } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { PersonListItem } from '@cep/contracts';
import { useSubmission } from '../../../components/use-submission';
import { peopleApi, peopleKeys } from '../people.api';

type Values = { employment: 'left' | 'retired'; since: Dayjs };

/** 标记离职 / 退休: the person leaves the active list and counts, keeps their records and login; 恢复在职 undoes it. */
export const EmploymentDialog = ({ person, onClose }: { person: PersonListItem | null; onClose: () => void }) => {
  const [form] = Form.useForm<Values>();
  const submission = useSubmission({
    submit: (v: Values) => peopleApi.markEmployment(person!.personId, { employment: v.employment, since: v.since.format('YYYY-MM-DD') }),
    success: (r) => r.message,
    refresh: [peopleKeys.all],
    done: onClose,
  });
  return (
    <Modal
      title={person ? `标记离职或退休：${person.name}` : ''}
      open={person !== null}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="确定"
      confirmLoading={submission.isPending}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title="标记后该人员不再计入在职人员列表和统计，学时记录保留，本人仍可登录查看和打印证书；可随时恢复在职。"
      />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ employment: 'retired', since: dayjs() }}
        onFinish={(v) => submission.mutate(v)}
        className="employment-form"
      >
        <Form.Item name="employment" label="人员状态" rules={[{ required: true, message: '请选择人员状态' }]}>
          <Radio.Group
            options={[
              { value: 'left', label: '离职' },
              { value: 'retired', label: '退休' },
            ]}
          />
        </Form.Item>
        <Form.Item name="since" label="离职或退休日期" rules={[{ required: true, message: '请选择离职或退休日期' }]}>
          <DatePicker style={{ width: '100%' }} placeholder="请选择日期" disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        {submission.refusal ? <Alert type="error" showIcon title={submission.refusal} /> : null}
      </Form>
    </Modal>
  );
};
