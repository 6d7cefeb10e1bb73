import { Link } from 'react-router';
import { Card, Col, Row } from 'antd';
import { FileSearchOutlined, KeyOutlined, QuestionCircleOutlined, SafetyCertificateOutlined, UserAddOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

const links: { to: string; label: string; hint: string; icon: ReactNode }[] = [
  { to: '/register', label: '注册', hint: '专技人员与单位注册', icon: <UserAddOutlined /> },
  { to: '/lookup/registration', label: '注册审核进度查询', hint: '查看审核部门', icon: <FileSearchOutlined /> },
  { to: '/verify', label: '证书验证', hint: '继续教育证书真伪核验', icon: <SafetyCertificateOutlined /> },
  { to: '/forgot-password', label: '忘记密码', hint: '通过手机号或邮箱找回', icon: <KeyOutlined /> },
  { to: '/help', label: '帮助中心', hint: '常见问题与操作指南', icon: <QuestionCircleOutlined /> },
];

/** The services people look for most, as the seeds' help answers point to them. */
export const QuickLinks = () => (
  <Card title="便民服务">
    <Row gutter={[12, 12]}>
      {links.map((link) => (
        <Col key={link.to} xs={12} lg={8} xl={8}>
          <Link to={link.to} className="portal-quick-link">
            <span className="portal-quick-link__icon">{link.icon}</span>
            <span className="portal-quick-link__label">{link.label}</span>
            <span className="portal-quick-link__hint">{link.hint}</span>
          </Link>
        </Col>
      ))}
    </Row>
  </Card>
);
