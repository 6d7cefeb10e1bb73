import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Card, Divider, List, Skeleton, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { formatFileSize, isApiError } from '../../../api/client';
import { noticeKeys, noticesApi } from '../notices.api';
import '../notices.css';

/** One notice: title, publisher and date, the body as plain text (never HTML), and its attachments to download. */
export const NoticeDetailPage = () => {
  const { id = '' } = useParams();
  const { data, isLoading, error } = useQuery({ queryKey: noticeKeys.detail(id), queryFn: () => noticesApi.detail(id), retry: false });
  return (
    <div className="notice-page">
      <Breadcrumb items={[{ title: <Link to="/">首页</Link> }, { title: <Link to="/notices">通知公告</Link> }, { title: '公告详情' }]} />
      <Card>
        {isLoading ? <Skeleton active /> : null}
        {error ? <Alert type="warning" showIcon title={isApiError(error) ? error.message : '加载失败'} /> : null}
        {data ? (
          <article>
            <Typography.Title level={3} className="notice-detail__title">
              {data.title}
            </Typography.Title>
            <div className="notice-detail__meta">
              发布单位：{data.orgName}　发布时间：{dayjs(data.publishedAt).format('YYYY-MM-DD HH:mm')}
            </div>
            <div className="notice-detail__body">{data.body}</div>
            {data.attachments.length > 0 ? (
              <>
                <Divider titlePlacement="start">附件</Divider>
                <List
                  size="small"
                  dataSource={data.attachments}
                  renderItem={(a) => (
                    <List.Item>
                      <a href={noticesApi.attachmentUrl(data.id, a.id)} download={a.filename}>
                        <PaperClipOutlined /> {a.filename}
                      </a>
                      <span className="notice-list__meta">{formatFileSize(a.size)}</span>
                    </List.Item>
                  )}
                />
              </>
            ) : null}
          </article>
        ) : null}
      </Card>
    </div>
  );
};
