/**
 * The preload's surface, with Electron replaced by a fake: only functions are exposed, calls go to
 * fixed channels, and a subscriber receives the event payload, never Electron's IpcRendererEvent
 * (whose `sender` would reach the whole IPC bus; checklist item 20).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';

const exposed = new Map<string, Record<string, unknown>>();
const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
const invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
  ipcRenderer: {
    invoke,
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
    send: vi.fn(),
    sendSync: vi.fn(),
  },
}));

beforeAll(async () => {
  await import('../preload/preload');
});

describe('preload', () => {
  it('exposes only functions, and no raw ipcRenderer', () => {
    expect([...exposed.keys()].every((k) => k === 'hearth' || k === 'hearthHost')).toBe(true);
    for (const api of exposed.values()) {
      for (const [key, value] of Object.entries(api)) {
        expect(typeof value, key).toBe('function');
        expect(['send', 'sendSync', 'on', 'ipcRenderer', 'invokeRaw']).not.toContain(key);
      }
    }
    expect(Object.keys(exposed.get('hearth') ?? {})).toEqual(expect.arrayContaining(['invoke', 'subscribe']));
  });

  it('invoke goes to the one contract channel', async () => {
    const api = exposed.get('hearth') as { invoke: (name: string, input: unknown) => Promise<unknown> };
    await api.invoke('residents.search', { q: 'ив' });
    expect(invoke).toHaveBeenLastCalledWith('hearth:invoke', 'residents.search', { q: 'ив' });
  });

  it('subscribers get the payload only, never the IPC event', () => {
    const api = exposed.get('hearth') as { subscribe: (l: (...args: unknown[]) => void) => () => void };
    const received: unknown[][] = [];
    const unsubscribe = api.subscribe((...args) => received.push(args));
    const fakeEvent = { sender: { send: () => {} }, ports: [] };
    listeners.get('hearth:event')?.(fakeEvent, { type: 'changed', topics: ['residents'] });
    expect(received).toEqual([[{ type: 'changed', topics: ['residents'] }]]);
    unsubscribe();
    expect(listeners.has('hearth:event')).toBe(false);
  });
});
