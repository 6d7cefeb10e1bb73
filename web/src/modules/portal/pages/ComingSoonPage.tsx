import { Link } from 'react-router';
import { Button, Card, Result } from 'antd';

/** A public page another issue delivers; says so plainly and leads back home. */
export const ComingSoonPage = ({ title }: { title: string }) => (
  <Card className="portal-page-narrow">
    <Result
      status="info"
      title={title}
      subTitle="该功能正在建设中，敬请期待"
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  </Card>
);
