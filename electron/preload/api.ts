import {
  contract,
  events,
  isChannel,
  isEventName,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type EventName,
  type EventPayload,
} from '../../shared/ipc/contract';
import type { RendererApi } from '../../shared/ipc/renderer-api';
import { fail, resultSchema, type Result } from '../../shared/ipc/result';

/** A listener as `ipcRenderer.on` calls it: the Electron event first, then the arguments. */
export type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of `ipcRenderer` the API uses; the real `ipcRenderer` satisfies it, tests pass a fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/**
 * Builds `window.kirjuri` (Electron security checklist item 20; acceptance check E7).
 *
 * Threats it stops:
 * - page code reaching `ipcRenderer` itself: only this object crosses the context bridge, and it
 *   holds no reference to `ipcRenderer` that page code can read;
 * - page code sending on channels outside the contract (Electron-internal or future ones);
 * - listeners receiving the `IpcRendererEvent`, whose `sender` is `ipcRenderer`: the wrapper
 *   drops it and passes only the payload, parsed against the event schema;
 * - exceptions with Electron's own text crossing into the page: failures come back as data.
 */
export function createRendererApi(ipc: IpcRendererLike): RendererApi {
  const api = {
    async invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
      // Checked here even though main checks again: nothing outside the contract is ever sent.
      if (!isChannel(channel)) return fail('unknown_channel', 'This channel is not in the contract.');
      let reply: unknown;
      try {
        reply = await ipc.invoke(channel, input);
      } catch {
        // Only when main has no handler or the window is closing; main itself never throws.
        return fail('internal', 'The main process did not answer.');
      }
      const parsed = resultSchema(contract[channel].output).safeParse(reply);
      if (!parsed.success) return fail('internal', 'The reply does not match the contract.');
      // The schema just checked is the output schema of `channel`, i.e. of C.
      return parsed.data as Result<ChannelOutput<C>>;
    },

    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      if (!isEventName(event) || typeof listener !== 'function') return () => undefined;
      const wrapper: IpcListener = (_ipcEvent, payload) => {
        const parsed = events[event].safeParse(payload);
        if (!parsed.success) return;
        // The schema just checked is the schema of `event`, i.e. of E.
        listener(parsed.data as EventPayload<E>);
      };
      ipc.on(event, wrapper);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(event, wrapper);
      };
    },
  } satisfies RendererApi;
  return Object.freeze(api);
}
