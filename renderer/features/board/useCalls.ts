import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { CallInput, CallName, CallOutput } from '../../../shared/api/contract';
import { queryKeyOf } from '../../app/api';
import { invoke, type ApiError } from '../../bridge';

interface Combined {
  data: unknown[];
  isPending: boolean;
  error: ApiError | null;
}

// Module-level, so TanStack keeps the combined result stable while the queries do not change.
function combine(results: UseQueryResult<unknown, Error>[]): Combined {
  return {
    data: results.map((r) => r.data),
    isPending: results.some((r) => r.isPending),
    error: (results.find((r) => r.error)?.error as ApiError | undefined) ?? null,
  };
}

/**
 * The same call for several inputs at once (a resident per task on a print sheet). Keys match
 * useCall's ([call, input]), so the cache and the core's change events treat them alike.
 */
export function useCalls<K extends CallName>(name: K, inputs: readonly CallInput<K>[]) {
  const combined = useQueries({
    queries: inputs.map((input) => ({
      queryKey: queryKeyOf(name, input),
      queryFn: (): Promise<CallOutput<K>> => invoke(name, input),
    })),
    combine: combine as (results: UseQueryResult<CallOutput<K>, Error>[]) => Combined,
  });
  return combined as { data: (CallOutput<K> | undefined)[]; isPending: boolean; error: ApiError | null };
}
