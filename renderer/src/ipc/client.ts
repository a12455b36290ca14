import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from '../../../shared/ipc/contract';
import { RENDERER_API_KEY, type RendererApi } from '../../../shared/ipc/renderer-api';
import type { Result } from '../../../shared/ipc/result';

/**
 * The only module that touches `window.kirjuri` (exposed by the preload, or by the test bridge).
 * Everything else in the renderer calls main through these functions.
 */
declare global {
  interface Window {
    [RENDERER_API_KEY]?: RendererApi;
  }
}

export function hasBridge(): boolean {
  return typeof window !== 'undefined' && window[RENDERER_API_KEY] !== undefined;
}

function api(): RendererApi {
  const bridge = window[RENDERER_API_KEY];
  if (!bridge) throw new Error('IPC bridge missing');
  return bridge;
}

export async function invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  try {
    return await api().invoke(channel, input);
  } catch {
    return { ok: false, error: { code: 'internal', message: 'IPC call failed' } };
  }
}

export function onMainEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return api().on(event, listener);
}
