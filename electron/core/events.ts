import type { CoreEvent } from '../../shared/api/events';

export type { CoreEvent };

export interface CoreEvents {
  subscribe(listener: (event: CoreEvent) => void): () => void;
  emit(event: CoreEvent): void;
}

export function createEvents(): CoreEvents {
  const listeners = new Set<(event: CoreEvent) => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const l of listeners) {
        try {
          l(event);
        } catch {
          // A failing listener must not break the call that changed the data.
        }
      }
    },
  };
}
