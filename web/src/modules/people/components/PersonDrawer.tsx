import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Grid, Popconfirm, Space, Table, Tag } from 'antd';
import { hoursSourceLabels, type CompletionYear } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { useSubmission } from '../../../components/use-submission';
import { peopleApi, peopleKeys } from '../people.api';
import { adminsApi } from '../../admins/admins.api';
import { resultColors } from '../../certificates/certificates.labels';

/** 详情 of one person of the admin's scope: basic facts (masked), the years with their hours, 重置密码 and 学时证明. */
export const PersonDrawer = ({ personId, onClose }: { personId: string | null; onClose: () => void }) => {
  const screens = Grid.useBreakpoint();
  const details = useQuery({ queryKey: peopleKeys.details(personId ?? ''), queryFn: () => peopleApi.details(personId!), enabled: personId !== null });
  const years = useQuery({ queryKey: peopleKeys.years(personId ?? ''), queryFn: () => peopleApi.years(personId!), enabled: personId !== null });
  const reset = useSubmission({
    submit: () => adminsApi.resetPassword(personId!),
    success: (r) => (r.temporaryPassword ? `${r.message}（临时密码：${r.temporaryPassword}）` : r.message),
    refresh: [peopleKeys.details(personId ?? '')],
  });
  const p = details.data;
  const list = years.data?.years ?? [];
  const fromYear = list.at(-1)?.year;
  const toYear = list[0]?.year;
  const error = details.error ?? years.error;
  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      title={p ? `人员详情：${p.name}` : '人员详情'}
      size={screens.md ? 640 : '100%'}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
      {p ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={screens.md ? 2 : 1} bordered>
            <Descriptions.Item label="姓名">{p.name}</Descriptions.Item>
            <Descriptions.Item label="身份证号">{p.idNumberMasked}</Descriptions.Item>
            <Descriptions.Item label="性别">{p.genderLabel}</Descriptions.Item>
            <Descriptions.Item label="出生年份">{p.birthYear}</Descriptions.Item>
            <Descriptions.Item label="手机号">{p.phoneMasked ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="所在单位">{p.employerName}</Descriptions.Item>
            <Descriptions.Item label="职称">{p.titleLabel}</Descriptions.Item>
            <Descriptions.Item label="取得时间">{p.titleObtainedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="所学专业">{p.majorName}</Descriptions.Item>
            <Descriptions.Item label="民族 / 学历">{`${p.ethnicityName ?? '—'} / ${p.educationName ?? '—'}`}</Descriptions.Item>
            <Descriptions.Item label="状态">
              {p.employmentLabel}
              {p.employmentSince ? `（${p.employmentSince}）` : ''}
            </Descriptions.Item>
            <Descriptions.Item label="密码">{p.mustChangePassword ? <Tag color="orange">初始或临时密码，尚未修改</Tag> : '已设置'}</Descriptions.Item>
          </Descriptions>
          <Space wrap>
            <Popconfirm title={`重置${p.name}的密码？重置后为身份证号后六位，登录后须立即修改。`} onConfirm={() => reset.mutate(undefined)}>
              <Button loading={reset.isPending}>重置密码</Button>
            </Popconfirm>
            {fromYear && toYear ? (
              <Button href={`/api/certificates/people/${p.personId}/hours-statement?fromYear=${fromYear}&toYear=${toYear}`} target="_blank">
                学时证明（{fromYear === toYear ? fromYear : `${fromYear}-${toYear}`}）
              </Button>
            ) : null}
          </Space>
          {reset.refusal ? <Alert type="error" showIcon title={reset.refusal} /> : null}
          <Table<CompletionYear>
            rowKey="year"
            size="small"
            loading={years.isFetching}
            dataSource={list}
            pagination={false}
            columns={[
              { title: '年度', dataIndex: 'year', width: 70 },
              { title: '公需课（学时）', key: 'public', render: (_, y) => `${y.counted.public} / ${y.required.public}` },
              { title: '专业课（学时）', key: 'specialized', render: (_, y) => `${y.counted.specialized} / ${y.required.specialized}` },
              { title: '结果', key: 'result', render: (_, y) => <Tag color={resultColors[y.result]}>{y.resultLabel}</Tag> },
            ]}
            expandable={{
              rowExpandable: (y) => y.records.length > 0,
              expandedRowRender: (y) => (
                <ul className="person-drawer__records">
                  {y.records.map((r) => (
                    <li
                      key={r.id}
                    >{`${r.title}：${r.hours} 学时（${r.category === 'public' ? '公需课' : '专业课'}，${hoursSourceLabels[r.source]}）`}</li>
                  ))}
                </ul>
              ),
            }}
          />
        </Space>
      ) : null}
    </Drawer>
  );
};
