import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Popconfirm, Skeleton, Space, TreeSelect } from 'antd';
import { isApiError } from '../../../api/client';
import { useSubmission } from '../../../components/use-submission';
import { reviewKeys, reviewsApi } from '../../reviews/reviews.api';
import { peopleApi, peopleKeys } from '../people.api';
import { ContactDialog } from './ContactDialog';
import { TitleChangeDrawer } from './TitleChangeDrawer';
import { IdentityChangeDrawer } from './IdentityChangeDrawer';
import { ClosureDialog } from './ClosureDialog';

/** The 所学专业 picker that saves at once. */
const MajorEditor = ({
  value,
  majors,
  onDone,
}: {
  value: string;
  majors: { code: string; name: string; children: { code: string; name: string }[] }[];
  onDone: () => void;
}) => {
  const [major, setMajor] = useState(value);
  const save = useSubmission({
    submit: () => peopleApi.savePlain({ major }),
    success: '所学专业已保存',
    refresh: [peopleKeys.myProfile],
    done: onDone,
  });
  return (
    <Space wrap>
      <TreeSelect
        style={{ minWidth: 200 }}
        value={major}
        onChange={setMajor}
        showSearch={{ treeNodeFilterProp: 'title' }}
        treeData={majors.map((m) => ({ value: m.code, title: m.name, children: m.children.map((c) => ({ value: c.code, title: c.name })) }))}
      />
      <Button type="primary" size="small" loading={save.isPending} onClick={() => save.mutate(undefined)}>
        保存
      </Button>
      <Button size="small" onClick={onDone}>
        取消
      </Button>
      {save.refusal ? <span className="ant-form-item-explain-error">{save.refusal}</span> : null}
    </Space>
  );
};

/** 基本信息修改: plain facts save at once, phone and e-mail by a code, 职称 by the employer's review (seed 002 FAQ 19). */
export const BasicInfoPanel = () => {
  const client = useQueryClient();
  const { message } = App.useApp();
  const profile = useQuery({ queryKey: peopleKeys.myProfile, queryFn: peopleApi.myProfile });
  const options = useQuery({ queryKey: peopleKeys.options, queryFn: peopleApi.options, staleTime: Number.POSITIVE_INFINITY });
  const [contact, setContact] = useState<'phone' | 'email' | null>(null);
  const [editingMajor, setEditingMajor] = useState(false);
  const [titleOpen, setTitleOpen] = useState(false);
  const [identityOpen, setIdentityOpen] = useState(false);
  const [closing, setClosing] = useState(false);
  const withdraw = useMutation({
    mutationFn: (id: string) => reviewsApi.withdraw(id),
    onSuccess: () => message.success('已撤回'),
    onError: (e) => message.error(isApiError(e) ? e.message : '撤回失败'),
    onSettled: () =>
      Promise.all([client.invalidateQueries({ queryKey: peopleKeys.myProfile }), client.invalidateQueries({ queryKey: reviewKeys.all })]),
  });
  if (profile.isLoading) return <Skeleton active />;
  if (!profile.data) return <Alert type="error" showIcon title={isApiError(profile.error) ? profile.error.message : '加载失败'} />;
  const p = profile.data;
  const link = (label: string, onClick: () => void, field: string) => (
    <Button type="link" size="small" onClick={onClick} className={`basic-info__edit basic-info__edit--${field}`}>
      {label}
    </Button>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="basic-info">
      {[
        { open: p.openTitleChange, title: '职称信息修改审核中', by: `${p.employerName}管理员` },
        { open: p.openIdentityChange, title: '证件信息修改审核中', by: '所在单位和人社部门' },
        { open: p.openClosure, title: '账号注销审核中', by: '审核单位' },
      ].map(({ open, title, by }) =>
        open ? (
          <Alert
            key={title}
            type="info"
            showIcon
            title={title}
            description={`${open.title}（${open.statusLabel}），${by}审核通过后生效。`}
            action={
              open.canWithdraw ? (
                <Popconfirm title="确定撤回该修改？" onConfirm={() => withdraw.mutate(open.id)}>
                  <Button size="small" danger loading={withdraw.isPending}>
                    撤回
                  </Button>
                </Popconfirm>
              ) : null
            }
          />
        ) : null,
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'name', label: '姓名', children: p.name },
          { key: 'id', label: '证件号码', children: p.idNumberMasked },
          { key: 'gender', label: '性别', children: p.gender },
          { key: 'birth', label: '出生日期', children: p.birthDate },
          { key: 'org', label: '所在单位', children: p.employerName },
          { key: 'employment', label: '人员状态', children: p.employmentLabel },
          {
            key: 'phone',
            label: '手机号',
            children: (
              <Space size={4}>
                {p.phone ?? '未填写'}
                {link('修改', () => setContact('phone'), 'phone')}
              </Space>
            ),
          },
          {
            key: 'email',
            label: '电子邮箱',
            children: (
              <Space size={4}>
                {p.email ?? '未填写'}
                {link('修改', () => setContact('email'), 'email')}
              </Space>
            ),
          },
          {
            key: 'major',
            label: '所学专业',
            span: { xs: 1, md: 2 },
            children:
              editingMajor && options.data ? (
                <MajorEditor value={p.major} majors={options.data.majors} onDone={() => setEditingMajor(false)} />
              ) : (
                <Space size={4}>
                  {p.majorName}
                  {link('修改', () => setEditingMajor(true), 'major')}
                </Space>
              ),
          },
          {
            key: 'title',
            label: '职称',
            span: { xs: 1, md: 2 },
            children: (
              <Space size={4} wrap>
                {`${p.titleSeriesName}（${p.titleLevelName}）${p.titleObtainedOn ? `，${p.titleObtainedOn}取得` : ''}`}
                {p.openTitleChange || !options.data ? null : link('修改职称', () => setTitleOpen(true), 'title')}
              </Space>
            ),
          },
        ]}
      />
      <Alert
        type="warning"
        showIcon
        title={
          p.identityChangeAllowedFrom
            ? `姓名、身份证号30天内只允许修改一次，${p.identityChangeAllowedFrom}后可再次修改；所在单位不对的，请在“单位调转”中申请调转。`
            : '姓名、身份证号有误的，可在此提交证件信息修改；所在单位不对的，请在“单位调转”中申请调转。'
        }
        action={
          p.openIdentityChange || p.identityChangeAllowedFrom ? null : (
            <Button size="small" onClick={() => setIdentityOpen(true)} className="basic-info__identity">
              证件信息修改
            </Button>
          )
        }
      />
      <ContactDialog channel={contact} onClose={() => setContact(null)} />
      <div className="basic-info__closure" hidden={p.openClosure !== null}>
        <Button type="link" danger size="small" onClick={() => setClosing(true)}>
          申请注销账号（退休、去世）
        </Button>
      </div>
      <ClosureDialog title="申请注销账号" open={closing} submit={peopleApi.closeMine} onClose={() => setClosing(false)} />
      <IdentityChangeDrawer open={identityOpen} profile={p} onClose={() => setIdentityOpen(false)} />
      {options.data ? <TitleChangeDrawer open={titleOpen} profile={p} options={options.data} onClose={() => setTitleOpen(false)} /> : null}
    </Space>
  );
};
