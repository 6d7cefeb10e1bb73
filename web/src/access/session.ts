import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo } from '@cep/contracts';
import { authApi } from '../api/auth.api';

export const sessionKeys = { current: ['session'] as const };

/** The signed-in account, or an ApiError (401) when nobody is signed in. */
export const useSession = () => useQuery({ queryKey: sessionKeys.current, queryFn: authApi.session, retry: false, staleTime: 60_000 });

/** Stores a session the login or password change just returned, so the workspace opens without a refetch. */
export const useSetSession = () => {
  const client = useQueryClient();
  return (session: SessionInfo | null) => {
    if (session) client.setQueryData(sessionKeys.current, session);
    else client.removeQueries({ queryKey: sessionKeys.current });
  };
};

/** The session inside the workspace, where the layout has already made sure it exists. */
export const useCurrentSession = (): SessionInfo => {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentSession is only for pages inside the workspace layout');
  return data;
};

export const SESSION_TIMEOUT_NOTICE = '登录已超时，请重新登录';

/** A one-line message handed to the next page through the router's location state. */
export type NoticeState = { notice?: string };
export const noticeOf = (state: unknown): string | undefined => (state as NoticeState | null)?.notice;
