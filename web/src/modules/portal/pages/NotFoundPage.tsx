import { Link } from 'react-router';
import { Button, Card, Result } from 'antd';

export const NotFoundPage = () => (
  <Card className="portal-page-narrow">
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，请检查地址是否正确"
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  </Card>
);
