import { useState } from 'react';
import { Link } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, List } from 'antd';
import dayjs from 'dayjs';
import { isApiError } from '../../../api/client';
import { noticeKeys, noticesApi } from '../notices.api';
import '../notices.css';

/** 通知公告: every published notice, newest first, in pages. */
export const NoticeListPage = () => {
  const [page, setPage] = useState(1);
  const { data, isLoading, error } = useQuery({
    queryKey: noticeKeys.list(page),
    queryFn: () => noticesApi.list(page),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="notice-page">
      <Breadcrumb items={[{ title: <Link to="/">首页</Link> }, { title: '通知公告' }]} />
      <Card title="通知公告">
        {error ? <Alert type="error" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
        <List
          loading={isLoading}
          dataSource={data?.items ?? []}
          locale={{ emptyText: '暂无通知公告' }}
          pagination={{ current: page, pageSize: 15, total: data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          renderItem={(n) => (
            <List.Item>
              <div className="notice-list__item">
                <Link to={`/notices/${n.id}`} className="notice-list__title" title={n.title}>
                  {n.title}
                </Link>
                <span className="notice-list__meta">
                  {n.orgName} · {dayjs(n.publishedAt).format('YYYY-MM-DD')}
                </span>
              </div>
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
};
