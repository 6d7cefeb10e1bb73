import { useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Grid, Skeleton, Tag, Timeline } from 'antd';
import dayjs from 'dayjs';
import { kbTopicLabel, loginRoleLabels, type KbRecordRevision, type LoginRole } from '@cep/contracts';
import { helpdeskKeys, kbApi } from '../helpdesk.api';
import '../help-pages.css';

const actionLabels: Record<KbRecordRevision['action'], string> = { import: '导入', create: '新增', edit: '修改', retire: '停用', restore: '恢复' };
type Content = NonNullable<KbRecordRevision['oldContent']>;
const fieldLabels: [keyof Content, string][] = [
  ['title', '标题'],
  ['answer', '答复'],
  ['variants', '问法'],
  ['topic', '分类'],
  ['roles', '角色'],
  ['handoff', '转人工'],
  ['status', '状态'],
];
const statusLabels: Record<string, string> = { active: '使用中', retired: '已停用' };
/** A field's value in words: topic and role labels instead of codes, lists joined. */
const show = (key: keyof Content, v: unknown): string => {
  if (key === 'topic') return kbTopicLabel(String(v));
  if (key === 'roles') return (v as string[]).map((r) => loginRoleLabels[r as LoginRole] ?? r).join('、');
  if (key === 'status') return statusLabels[String(v)] ?? String(v);
  if (Array.isArray(v)) return v.join('；');
  return typeof v === 'boolean' ? (v ? '是' : '否') : String(v ?? '');
};

/** What changed in one revision: each changed field, old and new. */
const Changes = ({ rev }: { rev: KbRecordRevision }) => {
  const changed = fieldLabels.filter(([k]) => !rev.oldContent || show(k, rev.oldContent[k]) !== show(k, rev.newContent[k]));
  return (
    <Descriptions column={1} size="small" bordered styles={{ label: { width: 72, whiteSpace: 'nowrap' } }}>
      {changed.map(([k, label]) => (
        <Descriptions.Item key={k} label={label}>
          {rev.oldContent ? <div className="kb-history__old help-page__pre">{show(k, rev.oldContent[k])}</div> : null}
          <div className="kb-history__new help-page__pre">{show(k, rev.newContent[k])}</div>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
};

/** 修改历史 of one entry, newest first, with who changed what and when. */
export const KbHistoryDrawer = ({ id, onClose }: { id: string | null; onClose: () => void }) => {
  const isPhone = Grid.useBreakpoint().md === false;
  const { data, isLoading } = useQuery({ queryKey: helpdeskKeys.kbEntry(id ?? ''), queryFn: () => kbApi.get(id!), enabled: Boolean(id) });
  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={isPhone ? '100%' : 640}
      title={data ? `修改历史：${data.entry.title}` : '修改历史'}
      closable={false}
      extra={<Button onClick={onClose}>关闭</Button>}
    >
      {isLoading ? <Skeleton active /> : null}
      {data ? (
        <Timeline
          items={data.revisions.map((rev) => ({
            key: rev.id,
            content: (
              <div>
                <div style={{ marginBottom: 6 }}>
                  <Tag color="blue">{actionLabels[rev.action]}</Tag>
                  {rev.byName ?? '系统'}
                  <span className="help-page__meta">　{dayjs(rev.at).format('YYYY-MM-DD HH:mm')}</span>
                </div>
                <Changes rev={rev} />
              </div>
            ),
          }))}
        />
      ) : null}
    </Drawer>
  );
};
