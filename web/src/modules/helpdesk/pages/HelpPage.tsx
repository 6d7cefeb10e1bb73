import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Input, Row, Skeleton, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { isApiError } from '../../../api/client';
import { helpdeskApi, helpdeskKeys } from '../helpdesk.api';
import '../help-pages.css';

/** 帮助中心: every topic of the knowledge base with its questions, filterable by a word. */
export const HelpPage = () => {
  const { data, isLoading, error } = useQuery({ queryKey: helpdeskKeys.topics, queryFn: helpdeskApi.topics });
  const [filter, setFilter] = useState('');
  const topics = useMemo(() => {
    const word = filter.trim();
    return (data?.items ?? [])
      .map((t) => ({ ...t, entries: word ? t.entries.filter((e) => e.title.includes(word)) : t.entries }))
      .filter((t) => t.entries.length > 0);
  }, [data, filter]);
  return (
    <div className="help-page">
      <Card className="help-page__intro">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          <QuestionCircleOutlined /> 帮助中心
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          常见问题按主题列出，点击问题查看答复。找不到答案时，可点击页面右侧的“在线客服”提问或转人工；已提交的工单可在
          <Link to="/help/ticket">工单查询</Link>中查看回复。
        </Typography.Paragraph>
        <Input.Search
          placeholder="在问题标题中查找，如：密码、学时、证书"
          allowClear
          onChange={(e) => setFilter(e.target.value)}
          style={{ maxWidth: 420 }}
        />
      </Card>
      {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
      {isLoading ? <Skeleton active /> : null}
      {!isLoading && topics.length === 0 ? <Empty description="没有找到相关问题" /> : null}
      <Row gutter={[16, 16]}>
        {topics.map((topic) => (
          <Col key={topic.topic} xs={24} md={12} xl={8}>
            <Card title={`${topic.label}（${topic.entries.length}）`} size="small" className="help-page__topic">
              <ul className="help-page__list">
                {topic.entries.map((e) => (
                  <li key={e.id}>
                    <Link to={`/help/entries/${e.id}`}>{e.title}</Link>
                  </li>
                ))}
              </ul>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
};
