import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Skeleton } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { portalApi, portalKeys } from '../portal.api';

/** The home page's latest notices; any failure shows the same empty state as "none yet". */
export const NoticeList = () => {
  const { data, isLoading, isError } = useQuery({ queryKey: portalKeys.homeNotices, queryFn: portalApi.homeNotices, retry: false });
  const items = isError ? [] : (data?.items ?? []);
  return (
    <Card
      className="portal-card"
      extra={<Link to="/notices">更多</Link>}
      title={
        <span>
          <NotificationOutlined /> 通知公告
        </span>
      }
    >
      {isLoading ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无通知公告" />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item>
              <div className="portal-notices__item">
                <Link to={`/notices/${item.id}`} className="portal-notices__title" title={item.title}>
                  {item.title}
                </Link>
                {item.publishedAt ? <span className="portal-notices__date">{dayjs(item.publishedAt).format('YYYY-MM-DD')}</span> : null}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
};
