import { Col, Row } from 'antd';
import { LoginBox } from '../components/LoginBox';
import { NoticeList } from '../components/NoticeList';
import { QuickLinks } from '../components/QuickLinks';

/** The portal home: notices and quick links on the left, the login box on the right (first on a phone). */
export const HomePage = () => (
  <Row gutter={[20, 20]}>
    <Col xs={{ span: 24, order: 2 }} md={{ span: 14, order: 1 }} lg={{ span: 16, order: 1 }}>
      <Row gutter={[20, 20]}>
        <Col span={24}>
          <NoticeList />
        </Col>
        <Col span={24}>
          <QuickLinks />
        </Col>
      </Row>
    </Col>
    <Col xs={{ span: 24, order: 1 }} md={{ span: 10, order: 2 }} lg={{ span: 8, order: 2 }}>
      <LoginBox />
    </Col>
  </Row>
);
