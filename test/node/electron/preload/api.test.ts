import { describe, expect, it } from 'vitest';
import { createRendererApi, type IpcListener, type IpcRendererLike } from '../../../../electron/preload/api';
import type { Channel } from '../../../../shared/ipc/contract';

/** A fake ipcRenderer: records invokes, answers with a scripted reply, keeps real listener sets. */
class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: Array<{ channel: string; args: unknown[] }> = [];
  readonly listeners = new Map<string, Set<IpcListener>>();
  reply: (channel: string, args: unknown[]) => Promise<unknown> = () => Promise.resolve({ ok: true, value: { language: 'fi' } });

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return this.reply(channel, args);
  }
  on(channel: string, listener: IpcListener): this {
    const set = this.listeners.get(channel) ?? new Set<IpcListener>();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  }
  removeListener(channel: string, listener: IpcListener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }
  /** Emits as Electron does: an IpcRendererEvent whose `sender` is ipcRenderer itself. */
  emit(channel: string, ...args: unknown[]): void {
    const ipcEvent = { sender: this, senderId: 0, ports: [] };
    for (const listener of this.listeners.get(channel) ?? []) listener(ipcEvent, ...args);
  }
}

describe('createRendererApi', () => {
  it('exposes exactly invoke and on, frozen, with no ipcRenderer reachable', () => {
    const ipc = new FakeIpcRenderer();
    const api = createRendererApi(ipc);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
    for (const value of Object.values(api)) expect(value).not.toBe(ipc);
  });

  describe('invoke', () => {
    it('sends a contract channel with its input and returns the reply', async () => {
      const ipc = new FakeIpcRenderer();
      ipc.reply = () => Promise.resolve({ ok: true, value: { language: 'sv' } });
      const api = createRendererApi(ipc);
      expect(await api.invoke('preferences.set', { language: 'sv' })).toEqual({ ok: true, value: { language: 'sv' } });
      expect(ipc.invoked).toEqual([{ channel: 'preferences.set', args: [{ language: 'sv' }] }]);
    });

    it.each(['no.such', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'constructor', '', 'preferences'])(
      'refuses the non-contract channel %j without sending anything',
      async (channel) => {
        const ipc = new FakeIpcRenderer();
        const result = await createRendererApi(ipc).invoke(channel as Channel, undefined);
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
        expect(ipc.invoked).toEqual([]);
      },
    );

    it('passes a failure envelope from main through unchanged', async () => {
      const ipc = new FakeIpcRenderer();
      ipc.reply = () => Promise.resolve({ ok: false, error: { code: 'invalid_request', message: 'The request does not match.' } });
      expect(await createRendererApi(ipc).invoke('preferences.set', { language: 'en' })).toEqual({
        ok: false,
        error: { code: 'invalid_request', message: 'The request does not match.' },
      });
    });

    it('turns a rejected invoke into an internal failure, without Electron’s text', async () => {
      const ipc = new FakeIpcRenderer();
      ipc.reply = () => Promise.reject(new Error("Error invoking remote method 'x': No handler registered for 'x'"));
      const result = await createRendererApi(ipc).invoke('app.info', undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(result)).not.toContain('No handler');
    });

    it.each([
      ['not an envelope', { language: 'fi' }],
      ['a value outside the output schema', { ok: true, value: { language: 'de' } }],
      ['an unknown error code', { ok: false, error: { code: 'pwned', message: '' } }],
      ['undefined', undefined],
    ])('turns a reply that is %s into an internal failure', async (_label, reply) => {
      const ipc = new FakeIpcRenderer();
      ipc.reply = () => Promise.resolve(reply);
      expect(await createRendererApi(ipc).invoke('preferences.get', undefined)).toMatchObject({
        ok: false,
        error: { code: 'internal' },
      });
    });
  });

  describe('on', () => {
    it('delivers only the parsed payload, never the IpcRendererEvent', () => {
      const ipc = new FakeIpcRenderer();
      const received: unknown[][] = [];
      createRendererApi(ipc).on('session.lockRequested', (...args: unknown[]) => {
        received.push(args);
      });
      ipc.emit('session.lockRequested', { reason: 'suspend' });
      expect(received).toEqual([[{ reason: 'suspend' }]]);
      for (const args of received) {
        for (const arg of args) {
          expect(arg).not.toHaveProperty('sender');
          expect(JSON.stringify(arg)).not.toContain('senderId');
        }
      }
    });

    it('drops a payload that does not match the event schema', () => {
      const ipc = new FakeIpcRenderer();
      const received: unknown[] = [];
      createRendererApi(ipc).on('session.lockRequested', (payload) => received.push(payload));
      ipc.emit('session.lockRequested', { reason: 'because' });
      ipc.emit('session.lockRequested');
      expect(received).toEqual([]);
    });

    it('refuses a non-contract event without subscribing', () => {
      const ipc = new FakeIpcRenderer();
      const unsubscribe = createRendererApi(ipc).on('ELECTRON_internal' as never, () => undefined);
      expect(ipc.listeners.size).toBe(0);
      expect(() => unsubscribe()).not.toThrow();
    });

    it('refuses a listener that is not a function', () => {
      const ipc = new FakeIpcRenderer();
      createRendererApi(ipc).on('session.lockRequested', 'alert(1)' as never);
      expect(ipc.listeners.size).toBe(0);
    });

    it('returns an unsubscribe that removes exactly its own listener', () => {
      const ipc = new FakeIpcRenderer();
      const api = createRendererApi(ipc);
      const a: unknown[] = [];
      const b: unknown[] = [];
      const stopA = api.on('session.lockRequested', (payload) => a.push(payload));
      api.on('session.lockRequested', (payload) => b.push(payload));
      stopA();
      stopA();
      ipc.emit('session.lockRequested', { reason: 'screen-lock' });
      expect(a).toEqual([]);
      expect(b).toEqual([{ reason: 'screen-lock' }]);
      expect(ipc.listeners.get('session.lockRequested')?.size).toBe(1);
    });
  });
});
