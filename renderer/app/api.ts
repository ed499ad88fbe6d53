/**
 * Server state: one query cache keyed by [call, input]. A change announces the topics it changes
 * (its declared `changes`, in a core `changed` event and on our own successful writes), and every
 * answer of a call that `reads` one of those topics is asked again.
 */
import { MutationCache, QueryCache, QueryClient, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { contract, isCallName, type CallInput, type CallName, type CallOutput, type Topic } from '../../shared/api/contract';
import { invoke, subscribe, ApiError } from '../bridge';
import { reportProgress } from './progress';

/**
 * The cache key of a call's answer: its name, then its input. Invalidating by `[name]` refreshes
 * every answer of that call.
 */
export function queryKeyOf<K extends CallName>(name: K, input?: CallInput<K>): readonly unknown[] {
  return input === undefined ? [name] : [name, input];
}

/** A call refused because the session is signed out or locked: the Gate asks app.status again. */
function onSessionError(client: () => QueryClient, error: unknown): void {
  if (error instanceof ApiError && (error.body.code === 'unauthorised' || error.body.code === 'locked')) {
    void client().invalidateQueries({ queryKey: queryKeyOf('app.status') });
  }
}

/**
 * Locking or signing out: every cached answer but the session status is dropped, so no personal
 * data stays in the UI's memory (the screens are unmounted by the Gate at the same time).
 */
export function forgetPersonalData(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'app.status' });
  client.getMutationCache().clear();
}

export function createQueryClient(): QueryClient {
  let self: QueryClient | null = null;
  const get = () => self as QueryClient;
  self = new QueryClient({
    // (Not for app.status itself: a missing launch token would make it ask again and again.)
    queryCache: new QueryCache({ onError: (e, query) => query.queryKey[0] !== 'app.status' && onSessionError(get, e) }),
    mutationCache: new MutationCache({ onError: (e) => onSessionError(get, e) }),
    defaultOptions: {
      queries: {
        retry: (count, error) => !(error instanceof ApiError) && count < 2,
        staleTime: 10_000,
        refetchOnWindowFocus: false,
      },
    },
  });
  return self;
}

/** Whether an answer of this call is stale once these topics changed (the call's declared `reads`). */
export function readsAny(name: unknown, topics: readonly Topic[]): boolean {
  return typeof name === 'string' && isCallName(name) && contract[name].reads.some((t) => topics.includes(t));
}

export function invalidateTopics(client: QueryClient, topics: readonly Topic[]): Promise<void> {
  return client.invalidateQueries({ predicate: (q) => readsAny(q.queryKey[0], topics) });
}

export function listenForChanges(client: QueryClient): () => void {
  return subscribe((event) => {
    if (event.type === 'changed') void invalidateTopics(client, event.topics);
    else if (event.type === 'progress') reportProgress(event);
  });
}

export function useCall<K extends CallName>(
  name: K,
  input: CallInput<K>,
  options: Omit<UseQueryOptions<CallOutput<K>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<CallOutput<K>, ApiError>({
    queryKey: queryKeyOf(name, input),
    queryFn: () => invoke(name, input),
    ...options,
  });
}

export function useMutate<K extends CallName>(name: K) {
  const client = useQueryClient();
  return useMutation<CallOutput<K>, ApiError, CallInput<K>>({
    mutationFn: (input) => invoke(name, input),
    onSuccess: () => invalidateTopics(client, contract[name].changes),
  });
}
