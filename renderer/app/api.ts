/**
 * Server state: one query cache keyed by [topic, call, input]. Core `changed` events (and our own
 * successful writes) invalidate every query of the topics a call declares in the contract.
 */
import { MutationCache, QueryCache, QueryClient, useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { contract, type CallInput, type CallName, type CallOutput, type Topic } from '../../shared/api/contract';
import { invoke, subscribe, ApiError } from '../bridge';

const TOPIC_OF: Record<string, Topic> = {
  app: 'app',
  setup: 'app',
  settings: 'app',
  residents: 'residents',
  requests: 'requests',
  catalogue: 'catalogue',
  backups: 'backups',
  export: 'backups',
  volunteers: 'volunteers',
  skills: 'volunteers',
  tasks: 'tasks',
  plans: 'tasks',
  snowDay: 'tasks',
  care: 'tasks',
  reports: 'tasks',
  accounts: 'money',
  cashbook: 'money',
  grants: 'money',
  budget: 'money',
  rent: 'money',
  inKind: 'money',
  cashflow: 'money',
  till: 'till',
  auth: 'users',
  users: 'users',
  audit: 'audit',
  privacy: 'privacy',
  hosting: 'app',
};

export function topicOf(name: CallName): Topic {
  return TOPIC_OF[name.split('.')[0] ?? ''] ?? 'app';
}

/** A call refused because the session is signed out or locked: the Gate asks app.status again. */
function onSessionError(client: () => QueryClient, error: unknown): void {
  if (error instanceof ApiError && (error.body.code === 'unauthorised' || error.body.code === 'locked')) {
    void client().invalidateQueries({ queryKey: ['app', 'app.status'] });
  }
}

/**
 * Locking or signing out: every cached answer but the session status is dropped, so no personal
 * data stays in the UI's memory (the screens are unmounted by the Gate at the same time).
 */
export function forgetPersonalData(client: QueryClient): void {
  client.removeQueries({ predicate: (q) => q.queryKey[1] !== 'app.status' });
  client.getMutationCache().clear();
}

export function createQueryClient(): QueryClient {
  let self: QueryClient | null = null;
  const get = () => self as QueryClient;
  self = new QueryClient({
    // (Not for app.status itself: a missing launch token would make it ask again and again.)
    queryCache: new QueryCache({ onError: (e, query) => query.queryKey[1] !== 'app.status' && onSessionError(get, e) }),
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

export function invalidateTopics(client: QueryClient, topics: readonly Topic[]): Promise<void> {
  return client.invalidateQueries({ predicate: (q) => topics.includes(q.queryKey[0] as Topic) });
}

export function listenForChanges(client: QueryClient): () => void {
  return subscribe((event) => {
    if (event.type === 'changed') void invalidateTopics(client, event.topics);
  });
}

export function useCall<K extends CallName>(
  name: K,
  input: CallInput<K>,
  options: Omit<UseQueryOptions<CallOutput<K>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<CallOutput<K>, ApiError>({
    queryKey: [topicOf(name), name, input],
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
