import { z } from 'zod';
import { PreferencesSchema } from '../schemas/preferences';

/**
 * THE IPC contract: every channel the renderer may invoke, with the zod schema of its request
 * and of its reply. Preload exposes exactly these channels; main registers exactly one handler
 * per channel and parses the request with `input` before doing anything.
 *
 * Channel names are `domain.verb`. Add a channel here first; the types of both sides follow.
 */
export const contract = {
  'app.info': {
    input: z.undefined(),
    output: z.object({
      version: z.string(),
      platform: z.string(),
      isPackaged: z.boolean(),
      /** The origin the renderer must be running at; a mismatch means a wrong, empty database. */
      expectedOrigin: z.string(),
    }),
  },
  'preferences.get': {
    input: z.undefined(),
    output: PreferencesSchema,
  },
  'preferences.set': {
    input: PreferencesSchema,
    output: PreferencesSchema,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/**
 * Events main pushes to the renderer. The renderer never receives the Electron event object,
 * only the parsed payload.
 */
export const events = {
  'session.lockRequested': z.object({
    reason: z.enum(['suspend', 'screen-lock', 'menu']),
  }),
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export const EVENT_NAMES = Object.keys(events) as EventName[];
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.hasOwn(contract, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name);
