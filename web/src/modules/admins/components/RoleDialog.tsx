import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Tree } from 'antd';
import type { AdminRole, RoleInput } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { useCurrentSession } from '../../../access/session';
import { adminKeys, adminsApi } from '../admins.api';
import { modulesOfChecked, moduleTree } from '../admins.modules';

type Props = { open: boolean; role: AdminRole | null; onClose: () => void };

/** 新增角色 / 编辑角色: name, description and the permission modules of the org's menu. */
export const RoleDialog = ({ open, role, onClose }: Props) => {
  const session = useCurrentSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ name: string; description?: string }>();
  const [checked, setChecked] = useState<string[]>([]);
  const tree = useMemo(() => moduleTree(session.account.role, session.account.isSuperAdmin ? null : new Set(session.permissions)), [session]);
  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({ name: role?.name ?? '', description: role?.description ?? '' });
    setChecked(role?.permissions ?? []);
  }, [open, role, form]);
  const save = useMutation({
    mutationFn: (body: RoleInput) => (role ? adminsApi.updateRole(role.id, body) : adminsApi.createRole(body)),
    onSuccess: () => {
      message.success('角色已保存');
      void client.invalidateQueries({ queryKey: adminKeys.all });
      onClose();
    },
  });
  const submit = (v: { name: string; description?: string }) =>
    save.mutate({ name: v.name, description: v.description || null, permissions: modulesOfChecked(checked) });
  return (
    <Modal
      open={open}
      title={role ? '编辑角色' : '新增角色'}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={560}
      destroyOnHidden
      afterClose={() => save.reset()}
    >
      {save.error ? (
        <Alert type="error" showIcon title={isApiError(save.error) ? save.error.message : '保存失败'} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} name="role" layout="vertical" onFinish={submit}>
        <Form.Item name="name" label="角色名称" rules={[{ required: true, whitespace: true, message: '请输入角色名称' }]}>
          <Input maxLength={30} showCount />
        </Form.Item>
        <Form.Item name="description" label="角色描述">
          <Input.TextArea rows={2} maxLength={200} />
        </Form.Item>
        <Form.Item label="权限模块" required extra="拥有该角色的管理员只能使用勾选的功能模块">
          <Tree
            checkable
            defaultExpandAll
            selectable={false}
            treeData={tree}
            checkedKeys={checked}
            onCheck={(keys) => setChecked((Array.isArray(keys) ? keys : keys.checked).map(String))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
};
