import { Link, NavLink, Outlet } from 'react-router';
import { SafetyCertificateFilled } from '@ant-design/icons';
import { PLATFORM_NAME } from '../../platform-name';
import { HelpWidget } from '../helpdesk/components/HelpWidget';
import './portal.css';

const navItems = [
  { to: '/', label: '首页', end: true },
  { to: '/lookup', label: '综合查询', end: false },
  { to: '/help', label: '帮助中心', end: false },
];

/** The public site: banner with the platform name, a short navigation bar, the page, a footer. */
export const PortalLayout = () => (
  <div className="portal">
    <header className="portal-banner">
      <div className="portal-inner portal-banner__inner">
        <Link to="/" className="portal-brand">
          <SafetyCertificateFilled className="portal-brand__icon" />
          <span className="portal-brand__text">
            <span className="portal-brand__name">{PLATFORM_NAME}</span>
            <span className="portal-brand__sub">专业技术人员继续教育 · 学时登记 · 证书查验</span>
          </span>
        </Link>
      </div>
    </header>
    <nav className="portal-nav" aria-label="门户导航">
      <div className="portal-inner portal-nav__inner">
        {navItems.map((item) => (
          <NavLink key={item.to} to={item.to} end={item.end} className="portal-nav__link">
            {item.label}
          </NavLink>
        ))}
      </div>
    </nav>
    <main className="portal-inner portal-main">
      <Outlet />
    </main>
    <footer className="portal-footer">
      <div className="portal-inner">
        <div>{PLATFORM_NAME}</div>
        <div>
          <span className="portal-footer__part">建议使用谷歌、360（极速模式）、搜狗等浏览器访问，</span>
          <span className="portal-footer__part">请勿使用 IE 浏览器</span>
        </div>
      </div>
    </footer>
    <HelpWidget />
  </div>
);
