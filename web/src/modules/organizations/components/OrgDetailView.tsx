import { useQuery } from '@tanstack/react-query';
import { Descriptions, Tag } from 'antd';
import dayjs from 'dayjs';
import { orgKindLabels, type OrgDetail } from '@cep/contracts';
import { bureauLevelLabels, nameOfCode, orgStatusLabels } from '../organizations.labels';
import { organizationKeys, organizationsApi } from '../organizations.api';

/** An org's registered facts, its superior and its (masked) super admin, as 详情 and 基本信息 show them. */
export const OrgDetailView = ({ org }: { org: OrgDetail }) => {
  const { data: options } = useQuery({ queryKey: organizationKeys.options, queryFn: organizationsApi.options, staleTime: Infinity });
  return (
    <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
      <Descriptions.Item label="机构名称" span={2}>
        {org.name}
      </Descriptions.Item>
      <Descriptions.Item label="机构类型">{orgKindLabels[org.kind]}</Descriptions.Item>
      <Descriptions.Item label="状态">
        <Tag>{orgStatusLabels[org.status]}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label="统一社会信用代码">{org.creditCode ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="所在地区">{org.region.fullName}</Descriptions.Item>
      <Descriptions.Item label="上级部门">{org.superior?.name ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="级别">
        {org.bureauLevel ? bureauLevelLabels[org.bureauLevel] : nameOfCode(options?.orgLevels, org.orgLevel)}
      </Descriptions.Item>
      <Descriptions.Item label="单位性质">{nameOfCode(options?.orgNatures, org.nature)}</Descriptions.Item>
      <Descriptions.Item label="所属行业">{nameOfCode(options?.industries, org.industry)}</Descriptions.Item>
      <Descriptions.Item label="单位地址">{org.address ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="联系人">{org.contactName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="联系电话">{org.phone ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="电子邮箱">{org.email ?? '—'}</Descriptions.Item>
      <Descriptions.Item label="超级管理员">
        {org.superAdmin
          ? `${org.superAdmin.name}（${org.superAdmin.idNumberMasked}${org.superAdmin.phoneMasked ? `，${org.superAdmin.phoneMasked}` : ''}）`
          : '未设置'}
      </Descriptions.Item>
      <Descriptions.Item label="可登录管理员">
        {org.activeAdminCount} 名
        {org.adminsRevoked ? (
          <Tag color="red" style={{ marginLeft: 8 }}>
            已移除权限
          </Tag>
        ) : null}
      </Descriptions.Item>
      <Descriptions.Item label="注册时间">{dayjs(org.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
    </Descriptions>
  );
};
