import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { setUnauthorizedHandler } from './api/client';
import { SESSION_TIMEOUT_NOTICE, sessionKeys } from './access/session';
import { WORKSPACE_PATH } from './access/menu';

/** A route whose page is loaded on first visit, so each page is its own chunk. */
const lazyPage =
  <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  async () => ({ Component: (await load())[name] });

const comingSoon =
  (title: string): RouteObject['lazy'] =>
  async () => {
    const { ComingSoonPage } = await import('./modules/portal/pages/ComingSoonPage');
    // biome-ignore lint/correctness/noComponentHookFactories: lazy() runs once per route, so the component is made once.
    return { Component: () => <ComingSoonPage title={title} /> };
  };

export const routes: RouteObject[] = [
  {
    path: '/',
    lazy: lazyPage(() => import('./modules/portal/PortalLayout'), 'PortalLayout'),
    children: [
      { index: true, lazy: lazyPage(() => import('./modules/portal/pages/HomePage'), 'HomePage') },
      { path: 'forgot-password', lazy: lazyPage(() => import('./modules/portal/pages/ForgotPasswordPage'), 'ForgotPasswordPage') },
      { path: 'register', lazy: lazyPage(() => import('./modules/registration/pages/RegisterPage'), 'RegisterPage') },
      { path: 'lookup', lazy: comingSoon('综合查询') },
      { path: 'verify', lazy: lazyPage(() => import('./modules/certificates/pages/VerifyPage'), 'VerifyPage') },
      { path: 'lookup/registration', lazy: lazyPage(() => import('./modules/registration/pages/RegistrationLookupPage'), 'RegistrationLookupPage') },
      { path: 'help', lazy: lazyPage(() => import('./modules/helpdesk/pages/HelpPage'), 'HelpPage') },
      { path: 'help/entries/:id', lazy: lazyPage(() => import('./modules/helpdesk/pages/HelpEntryPage'), 'HelpEntryPage') },
      { path: 'help/ticket', lazy: lazyPage(() => import('./modules/helpdesk/pages/TicketLookupPage'), 'TicketLookupPage') },
      { path: 'notices', lazy: lazyPage(() => import('./modules/notices/pages/NoticeListPage'), 'NoticeListPage') },
      { path: 'notices/:id', lazy: lazyPage(() => import('./modules/notices/pages/NoticeDetailPage'), 'NoticeDetailPage') },
      { path: '*', lazy: lazyPage(() => import('./modules/portal/pages/NotFoundPage'), 'NotFoundPage') },
    ],
  },
  {
    path: WORKSPACE_PATH,
    lazy: lazyPage(() => import('./layout/WorkspaceLayout'), 'WorkspaceLayout'),
    children: [
      { index: true, lazy: lazyPage(() => import('./modules/workspace/pages/WorkspaceHome'), 'WorkspaceHome') },
      { path: 'account/password', lazy: lazyPage(() => import('./modules/account/pages/ChangePasswordPage'), 'ChangePasswordPage') },
      { path: '*', lazy: lazyPage(() => import('./modules/workspace/pages/MenuPage'), 'MenuPage') },
    ],
  },
];

export const createAppRouter = () => createBrowserRouter(routes);
export type AppRouter = ReturnType<typeof createAppRouter>;

/** Any API call that finds the session gone while in the workspace sends the user back to the portal's login box. */
export const leaveWorkspaceWhenSessionEnds = (router: AppRouter, queryClient: QueryClient) => {
  setUnauthorizedHandler((error) => {
    if (!router.state.location.pathname.startsWith(WORKSPACE_PATH)) return;
    const hadSession = Boolean(queryClient.getQueryData(sessionKeys.current));
    const notice = hadSession || error.code === 'SESSION_EXPIRED' ? SESSION_TIMEOUT_NOTICE : '请先登录';
    void router.navigate('/', { replace: true, state: { notice } }).then(() => queryClient.removeQueries({ queryKey: sessionKeys.current }));
  });
};
