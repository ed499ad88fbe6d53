/**
 * Server state: one query cache keyed by [call, input]. A change announces the topics it changes
 * (its declared `changes`, in a core `changed` event and on our own successful writes), and every
 * answer of a call that `reads` one of those topics is asked again.
 */
import { useMemo } from 'react';
import {
  keepPreviousData,
  MutationCache,
  QueryCache,
  QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type UseQueryOptions,
} from '@tanstack/react-query';
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

/** Calls that answer a page: `limit` rows from `offset`, or the rows after `cursor` (their answer says `nextCursor`). */
type PagedCallName = {
  [K in CallName]: 'limit' extends keyof CallInput<K> ? ('offset' extends keyof CallInput<K> ? K : 'cursor' extends keyof CallInput<K> ? K : never) : never;
}[CallName];

/** Where a page starts: nothing for the first page, then an offset or the previous page's cursor. */
type PageParam = { offset?: number; cursor?: unknown };

export interface PagedOptions<K extends CallName, Item> {
  pageSize: number;
  /**
   * The rows of one answer and the total the core counted (stable functions, e.g. module
   * constants). Without `total` there are more while the last page was full.
   */
  rows: (page: CallOutput<K>) => Item[];
  total?: (page: CallOutput<K>) => number;
  enabled?: boolean;
}

/** The call's input takes `cursor`: its answer says where the next page starts. */
function pagesByCursor(name: CallName): boolean {
  const input = contract[name].input as unknown as { shape?: Record<string, unknown> };
  return input.shape !== undefined && 'cursor' in input.shape;
}

/** The cursor of the page after `page`, when the call pages by cursor (null: the last page); its answer names it `nextCursor` (or `next`). */
function nextCursorOf(name: CallName, page: unknown): { cursor: unknown } | null | undefined {
  if (typeof page !== 'object' || page === null) return undefined;
  const key = 'nextCursor' in page ? 'nextCursor' : 'next' in page && pagesByCursor(name) ? 'next' : null;
  if (key === null) return undefined;
  const next = (page as Record<string, unknown>)[key];
  return next === null || next === undefined ? null : { cursor: next };
}

/**
 * A long list paged from the core: the first page of `pageSize` rows, the next ones on `loadMore()`
 * (the shared table asks as its end comes into view). A call whose answer says `nextCursor` is
 * asked for the rows after it (a deep page costs what the first one does: shared/domain/paging.ts);
 * the others by offset. Kept under [name, input, 'pages', size], so a change of the call's topics
 * refreshes it like any answer of that call. While another filter's first page is on its way the
 * previous rows stay shown (`isPlaceholderData`).
 */
export function usePagedCall<K extends PagedCallName, Item>(name: K, input: Omit<CallInput<K>, 'limit' | 'offset' | 'cursor'>, options: PagedOptions<K, Item>) {
  const { pageSize, rows, total } = options;
  const query = useInfiniteQuery<CallOutput<K>, ApiError, InfiniteData<CallOutput<K>, PageParam>, readonly unknown[], PageParam>({
    queryKey: [name, input, 'pages', pageSize],
    // Without a total or a cursor, one row more than a page says whether another page follows.
    queryFn: ({ pageParam }) => invoke(name, { ...input, limit: total || pagesByCursor(name) ? pageSize : pageSize + 1, ...pageParam } as CallInput<K>),
    initialPageParam: {},
    getNextPageParam: (last, all) => {
      const cursor = nextCursorOf(name, last);
      if (cursor !== undefined) return cursor ?? undefined;
      const loaded = all.reduce((n, page) => n + Math.min(rows(page).length, pageSize), 0);
      const more = total ? loaded < total(last) : rows(last).length > pageSize;
      return rows(last).length > 0 && more ? { offset: loaded } : undefined;
    },
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
  const pages = query.data?.pages;
  const items = useMemo(() => (pages ?? []).flatMap((page) => rows(page).slice(0, pageSize)), [pages, rows, pageSize]);
  const last = pages?.[pages.length - 1];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  return {
    query,
    items,
    /** The core's count of matching rows (undefined before the first answer, or when the call does not count). */
    total: last && total ? total(last) : undefined,
    hasMore: hasNextPage,
    /** Changes with the filters: the table goes back to its top for another list. */
    listKey: JSON.stringify(input),
    first: pages?.[0],
    loadingMore: isFetchingNextPage,
    loadMore: () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
  };
}

export function useMutate<K extends CallName>(name: K) {
  const client = useQueryClient();
  return useMutation<CallOutput<K>, ApiError, CallInput<K>>({
    mutationFn: (input) => invoke(name, input),
    onSuccess: () => invalidateTopics(client, contract[name].changes),
  });
}
