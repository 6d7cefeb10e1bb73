import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createQueryClient } from './api/query-client';
import { createAppRouter, leaveWorkspaceWhenSessionEnds } from './router';
import { theme } from './theme';
import './global.css';

dayjs.locale('zh-cn');

const queryClient = createQueryClient();
const router = createAppRouter();
leaveWorkspaceWhenSessionEnds(router, queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
