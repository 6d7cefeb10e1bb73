import type { CompletionResult } from '@cep/contracts';

export const resultColors: Record<CompletionResult, string> = { passed: 'green', failed: 'red', inProgress: 'blue' };
