import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import type { AdminItem, UpdateAdminInput } from '@cep/contracts';
import { isApiError } from '../../../api/client';
import { adminKeys, adminsApi } from '../admins.api';

const RoleSelect = (props: { value?: string; onChange?: (v: string) => void }) => {
  const { data, isLoading } = useQuery({ queryKey: adminKeys.roles, queryFn: adminsApi.roles });
  return (
    <Select
      {...props}
      loading={isLoading}
      placeholder="请选择角色"
      notFoundContent="还没有角色，请先在“角色管理”中新增"
      options={(data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
    />
  );
};

const useSaved = (onClose: () => void, text: string) => {
  const client = useQueryClient();
  const { message } = App.useApp();
  return () => {
    message.success(text);
    void client.invalidateQueries({ queryKey: adminKeys.all });
    onClose();
  };
};

type AddValues = { mode: 'existing' | 'new'; idNumber: string; roleId: string; name?: string; phone?: string; email?: string; password?: string };

/**
 * 新增管理员: a new person with an initial password, added at once; or a person already on the platform,
 * who is invited and becomes an admin only after accepting in their own workspace.
 */
export const AddAdminDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const [form] = Form.useForm<AddValues>();
  const mode = Form.useWatch('mode', form) ?? 'existing';
  const invited = useSaved(onClose, '邀请已发出，对方登录平台并接受后即成为本单位管理员');
  const added = useSaved(onClose, '管理员已添加');
  const save = useMutation({
    mutationFn: async (v: AddValues) => {
      if (v.mode === 'existing') await adminsApi.invite({ idNumber: v.idNumber, roleId: v.roleId });
      else
        await adminsApi.addAdmin({
          idNumber: v.idNumber,
          roleId: v.roleId,
          name: v.name ?? '',
          phone: v.phone ?? '',
          email: v.email || null,
          password: v.password ?? '',
        });
    },
    onSuccess: (_r, v) => (v.mode === 'existing' ? invited() : added()),
  });
  const submit = (v: AddValues) => save.mutate(v);
  return (
    <Modal
      open={open}
      title="新增管理员"
      okText={mode === 'existing' ? '发出邀请' : '确定'}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      afterClose={() => {
        save.reset();
        form.resetFields();
      }}
    >
      {save.error ? (
        <Alert type="error" showIcon title={isApiError(save.error) ? save.error.message : '保存失败'} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} name="addAdmin" layout="vertical" onFinish={submit} initialValues={{ mode: 'existing' }}>
        <Form.Item name="mode" extra={mode === 'existing' ? '将向该人员发出邀请，对方登录平台并在首页接受后，才会成为本单位管理员' : undefined}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'existing', label: '已是本系统用户' },
              { value: 'new', label: '新用户' },
            ]}
          />
        </Form.Item>
        <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, len: 18, message: '请输入18位身份证号' }]}>
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        {mode === 'new' ? (
          <>
            <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="phone" label="手机号" rules={[{ required: true, pattern: /^1\d{10}$/, message: '请输入11位手机号' }]}>
              <Input maxLength={11} />
            </Form.Item>
            <Form.Item name="email" label="电子邮箱" rules={[{ type: 'email', message: '请输入正确的电子邮箱' }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item
              name="password"
              label="初始密码"
              extra="8~20位，须同时包含字母和数字；请线下告知该管理员"
              rules={[{ required: true, message: '请输入初始密码' }]}
            >
              <Input.Password maxLength={20} autoComplete="new-password" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="roleId" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <RoleSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
};

type EditValues = { roleId?: string; phone?: string; email?: string };

/** 编辑管理员: the role; contact details change only for a person with no other account on the platform. */
export const EditAdminDialog = ({ admin, onClose }: { admin: AdminItem | null; onClose: () => void }) => {
  const [form] = Form.useForm<EditValues>();
  useEffect(() => {
    if (admin) form.setFieldsValue({ roleId: admin.roleId ?? undefined, phone: undefined, email: undefined });
  }, [admin, form]);
  const save = useMutation({
    mutationFn: (body: UpdateAdminInput) => adminsApi.updateAdmin(admin!.accountId, body),
    onSuccess: useSaved(onClose, '已保存'),
  });
  const submit = (v: EditValues) => save.mutate({ roleId: v.roleId, phone: v.phone || undefined, email: v.email || undefined });
  return (
    <Modal
      open={Boolean(admin)}
      title={`编辑管理员：${admin?.name ?? ''}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      afterClose={() => save.reset()}
    >
      {save.error ? (
        <Alert type="error" showIcon title={isApiError(save.error) ? save.error.message : '保存失败'} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} name="editAdmin" layout="vertical" onFinish={submit}>
        <Form.Item name="roleId" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <RoleSelect />
        </Form.Item>
        <Form.Item
          name="phone"
          label="新手机号"
          extra={`当前：${admin?.phoneMasked ?? '未填写'}；不修改请留空`}
          rules={[{ pattern: /^1\d{10}$/, message: '请输入11位手机号' }]}
        >
          <Input maxLength={11} />
        </Form.Item>
        <Form.Item name="email" label="新电子邮箱" rules={[{ type: 'email', message: '请输入正确的电子邮箱' }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
};
