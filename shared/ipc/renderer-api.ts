import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload } from './contract';
import type { Result } from './result';

/**
 * The shape of `window.kirjuri`, derived from the contract so the two never drift. Preload
 * implements it with `satisfies RendererApi`; the e2e bridge implements the same thing.
 */
export interface RendererApi {
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export const RENDERER_API_KEY = 'kirjuri';
