/**
 * The one bridge between the UI and the core. It picks the Electron preload (`window.hearth`) or
 * the browser-mode HTTP client; nothing above this file knows which host it runs in.
 */
import type { CallInput, CallName, CallOutput } from '../../shared/api/contract';
import type { CoreEvent } from '../../shared/api/events';
import type { ApiErrorBody, Envelope } from '../../shared/api/errors';
import { httpTransport } from './http';

export interface Transport {
  invoke(name: string, input: unknown): Promise<Envelope<unknown>>;
  subscribe(listener: (event: CoreEvent) => void): () => void;
}

declare global {
  interface Window {
    hearth?: Transport;
  }
}

/** A failed call, carrying the contract's error (code, fields) for translated messages. */
export class ApiError extends Error {
  readonly body: ApiErrorBody;
  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.body = body;
  }
}

const transport: Transport = window.hearth ?? httpTransport();

export async function invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const envelope = await transport.invoke(name, input);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.value as CallOutput<K>;
}

export const subscribe = transport.subscribe;
