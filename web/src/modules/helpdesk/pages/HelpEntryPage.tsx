import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Skeleton, Tag, Typography } from 'antd';
import { isApiError } from '../../../api/client';
import { helpdeskApi, helpdeskKeys } from '../helpdesk.api';
import '../help-pages.css';

/** One question and its official reply, shown as plain text. */
export const HelpEntryPage = () => {
  const { id = '' } = useParams();
  const { data, isLoading, error } = useQuery({ queryKey: helpdeskKeys.entry(id), queryFn: () => helpdeskApi.entry(id), retry: false });
  return (
    <div className="help-page">
      <Breadcrumb items={[{ title: <Link to="/help">帮助中心</Link> }, { title: data?.title ?? '问题详情' }]} />
      <Card>
        {isLoading ? <Skeleton active /> : null}
        {error ? <Alert type="warning" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
        {data ? (
          <>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {data.title}
            </Typography.Title>
            <Tag color="blue">{data.topicLabel}</Tag>
            <div className="help-page__answer">{data.answer}</div>
          </>
        ) : null}
      </Card>
    </div>
  );
};
