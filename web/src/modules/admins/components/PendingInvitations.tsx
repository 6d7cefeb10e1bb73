import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { AdminInvitation } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { adminKeys, adminsApi } from '../admins.api';

/** 待确认的邀请: invitations the person has not answered yet; the org may withdraw them. Hidden when there are none. */
export const PendingInvitations = () => {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { data } = useQuery({ queryKey: adminKeys.invitations, queryFn: adminsApi.invitations });
  const cancel = useMutation({
    mutationFn: adminsApi.cancelInvitation,
    onSuccess: () => {
      message.success('邀请已撤销');
      void client.invalidateQueries({ queryKey: adminKeys.all });
    },
    onError: (e) => message.error(isApiError(e) ? e.message : '撤销失败'),
  });
  const columns: TableColumnsType<AdminInvitation> = [
    { title: '身份证号', dataIndex: 'idNumberMasked', width: 180 },
    { title: '角色', dataIndex: 'roleName', width: 130, render: (v: string | null) => v ?? '（角色已删除）' },
    { title: '邀请时间', dataIndex: 'createdAt', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
    { title: '有效期至', dataIndex: 'expiresAt', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
    {
      title: '操作',
      render: (_v, i) => (
        <Popconfirm title="撤销后对方将无法再接受此邀请，确定撤销？" onConfirm={() => cancel.mutate(i.id)}>
          <Button type="link" size="small" danger>
            撤销邀请
          </Button>
        </Popconfirm>
      ),
    },
  ];
  if (!data?.items.length) return null;
  return (
    <div className="pending-invitations" style={{ marginTop: 24 }}>
      <h4 style={{ margin: '0 0 8px' }}>待对方确认的邀请</h4>
      <Table<AdminInvitation> rowKey="id" size="small" columns={columns} dataSource={data.items} pagination={false} scroll={{ x: 760 }} />
    </div>
  );
};
