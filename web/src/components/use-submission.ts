import { useState } from 'react';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App } from 'antd';
import { isApiError } from '../api/client';

/**
 * A form's submission: on success a message, the lists it changes refetched and `done`; on a refusal the server's
 * Chinese message kept as `refusal` for the form to show beside its button (cleared by the next success).
 */
export const useSubmission = <I, R>(options: {
  submit: (input: I) => Promise<R>;
  success: string | ((result: R) => string);
  refresh: QueryKey[];
  done?: (result: R) => void;
}) => {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [refusal, setRefusal] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: options.submit,
    onSuccess: (result) => {
      message.success(typeof options.success === 'string' ? options.success : options.success(result));
      for (const queryKey of options.refresh) void client.invalidateQueries({ queryKey });
      setRefusal(null);
      options.done?.(result);
    },
    onError: (e) => setRefusal(isApiError(e) ? e.message : '提交失败，请稍后再试'),
  });
  return { ...mutation, refusal, setRefusal };
};
