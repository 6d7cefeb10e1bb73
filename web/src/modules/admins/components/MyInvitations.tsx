import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Popconfirm, Space } from 'antd';
import dayjs from 'dayjs';
import { loginRoleLabels, type MyAdminInvitation } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { adminKeys, adminsApi } from '../admins.api';

const Invitation = ({ item }: { item: MyAdminInvitation }) => {
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const done = () => void client.invalidateQueries({ queryKey: adminKeys.myInvitations });
  const onError = (e: unknown) => message.error(isApiError(e) ? e.message : '操作失败，请稍后再试');
  const accept = useMutation({
    mutationFn: () => adminsApi.acceptInvitation(item.id),
    onSuccess: (r) => {
      modal.success({ title: '已接受邀请', content: r.message });
      done();
    },
    onError,
  });
  const decline = useMutation({
    mutationFn: () => adminsApi.declineInvitation(item.id),
    onSuccess: () => {
      message.success('已拒绝邀请');
      done();
    },
    onError,
  });
  return (
    <Alert
      type="warning"
      showIcon
      className="my-invitation"
      title={`${item.orgName}邀请您担任管理员`}
      description={`登录角色：${loginRoleLabels[item.orgKind]}　角色：${item.roleName ?? '—'}　有效期至：${dayjs(item.expiresAt).format('YYYY-MM-DD HH:mm')}。如您不了解此事，请拒绝。`}
      action={
        <Space direction="vertical">
          <Popconfirm title="接受后您将成为该单位的管理员，确定接受？" onConfirm={() => accept.mutate()}>
            <Button size="small" type="primary" loading={accept.isPending}>
              接受
            </Button>
          </Popconfirm>
          <Button size="small" danger loading={decline.isPending} onClick={() => decline.mutate()}>
            拒绝
          </Button>
        </Space>
      }
    />
  );
};

/** 管理员邀请 on the workspace home: an org asked this person to become its admin; nothing happens until they accept. */
export const MyInvitations = () => {
  const { data } = useQuery({ queryKey: adminKeys.myInvitations, queryFn: adminsApi.myInvitations });
  if (!data?.items.length) return null;
  return (
    <Col span={24}>
      <Card title="管理员邀请" size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          {data.items.map((item) => (
            <Invitation key={item.id} item={item} />
          ))}
        </Space>
      </Card>
    </Col>
  );
};
