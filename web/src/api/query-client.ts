import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';

/** Shared query defaults: no retry on answers the server meant (4xx), no refetch on window focus. */
export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
