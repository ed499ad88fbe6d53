import type { Envelope } from '../../shared/api/errors';
import type { Transport } from './index';

/** Browser mode: the contract over HTTP on the same origin; the session cookie carries the token. */
export function httpTransport(): Transport {
  return {
    async invoke(name, input) {
      let response: Response;
      try {
        response = await fetch(`api/call/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'unavailable', message: 'The Hearth host cannot be reached' } };
      }
      if (response.status === 401) return { ok: false, error: { code: 'unauthorised', message: 'Session token missing or wrong' } };
      try {
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'internal', message: `HTTP ${response.status}` } };
      }
    },
    subscribe(listener) {
      const source = new EventSource('api/events');
      source.onmessage = (e: MessageEvent<string>) => {
        try {
          listener(JSON.parse(e.data));
        } catch {
          // Ignore malformed events.
        }
      };
      return () => source.close();
    },
  };
}
