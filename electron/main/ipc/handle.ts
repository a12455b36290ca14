import type { z } from 'zod';
import {
  CHANNELS,
  contract,
  events,
  isChannel,
  isEventName,
  type Channel,
  type ChannelOutput,
  type Contract,
  type EventName,
  type EventPayload,
} from '../../../shared/ipc/contract';
import { fail, ok, type ErrorCode, type Result } from '../../../shared/ipc/result';
import type { Role } from '../../../shared/schemas/users';
import type { Logger } from '../logger';
import { HandlerError } from './handler-error';
import { isTrustedSender, type FrameLike } from './sender';

export { HandlerError, type HandlerErrorCode } from './handler-error';
export type { FrameLike } from './sender';

/**
 * The only IPC wrapper of the main process (STYLE habits 2 and 5; acceptance check E7). Every
 * request goes: sender check → known channel → access check → schema parse → handler → output
 * parse, and every outcome, failures included, returns as a `Result` value. Main never throws
 * across IPC.
 */

/** The handler of one channel: gets the parsed input, returns (a promise of) the output. */
export type ChannelHandler<C extends Channel> = (
  input: z.output<Contract[C]['input']>,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

/** One handler per contract channel; a missing or extra channel is a type error. */
export type Handlers = { [C in Channel]: ChannelHandler<C> };

/** The part of `IpcMainInvokeEvent` the dispatcher reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

/** The part of `ipcMain` used to register handlers; the real `ipcMain` satisfies it. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

/**
 * What the dispatcher needs to know about main's own session to enforce each channel's `access`.
 * The role comes from here only, never from anything the renderer sends.
 */
export interface AccessAuthority {
  /** The role of main's current session, or null when nobody is signed in. */
  currentRole(): Role | null;
  /**
   * Records that a signed-in user was refused `channel` (the journal's `access.denied`). It must
   * have no other effect; a failure to record does not change the refusal.
   */
  recordDenied(channel: Channel): Promise<void>;
}

export interface DispatcherOptions {
  /** The only origin allowed to call main, `APP_ORIGIN` in the app. */
  readonly expectedOrigin: string;
  readonly logger: Logger;
  /** Required on purpose: a dispatcher without an access check cannot be built by omission. */
  readonly authority: AccessAuthority;
}

export type Dispatcher = (
  event: InvokeEventLike,
  channel: string,
  payload: unknown,
) => Promise<Result<unknown>>;

// Fixed texts per code. Messages never echo the payload or an error's own message: both may
// hold personal data (a customer's name in a request, a home-directory path in an fs error).
const MESSAGES: Record<ErrorCode, string> = {
  invalid_request: 'The request does not match the contract.',
  untrusted_sender: 'The sender of this request is not trusted.',
  unknown_channel: 'This channel is not in the contract.',
  not_found: 'Not found.',
  not_signed_in: 'Nobody is signed in.',
  forbidden: 'Not allowed.',
  conflict: 'The request conflicts with the current state.',
  io_failed: 'A file operation failed.',
  internal: 'Internal error.',
};

interface SystemErrorLike {
  readonly code: string;
  readonly syscall: string;
}

/** Node's fs errors carry `code` (ENOENT, ENOSPC…) and `syscall`. */
function isSystemError(error: unknown): error is Error & SystemErrorLike {
  if (!(error instanceof Error)) return false;
  const candidate = error as Partial<SystemErrorLike>;
  return typeof candidate.code === 'string' && typeof candidate.syscall === 'string';
}

/** Maps anything a handler threw to a stable code, and logs only the error's name and code. */
function failureFor(error: unknown, channel: Channel, logger: Logger): Result<never> {
  if (error instanceof HandlerError) {
    logger.warn('ipc.handler_failed', { channel, code: error.code, errorName: error.name });
    return fail(error.code, MESSAGES[error.code]);
  }
  if (isSystemError(error)) {
    logger.error('ipc.handler_failed', { channel, code: error.code, errorName: error.name });
    return fail('io_failed', MESSAGES.io_failed);
  }
  const errorName = error instanceof Error ? error.name : typeof error;
  logger.error('ipc.handler_failed', { channel, code: 'internal', errorName });
  return fail('internal', MESSAGES.internal);
}

/** Summarises validation issues by their codes only (no paths or values: they may be personal). */
function describeIssues(channel: Channel, issues: ReadonlyArray<{ readonly code: string }>): string {
  const codes = [...new Set(issues.map((issue) => issue.code))].join(', ');
  return `${MESSAGES.invalid_request} Channel ${channel}: ${issues.length} issue(s) (${codes}).`.slice(0, 500);
}

/**
 * Enforces a channel's `access` against main's session: `session` needs someone signed in,
 * `owner` an owner. Returns the refusal, or null when the call may proceed. A signed-in user's
 * refusal is journaled; a call with nobody signed in has nobody to attribute it to.
 */
async function checkAccess(channel: Channel, authority: AccessAuthority, logger: Logger): Promise<Result<never> | null> {
  const access = contract[channel].access;
  if (access === 'public') return null;
  const role = authority.currentRole();
  if (role === null) {
    logger.warn('ipc.rejected', { channel, code: 'not_signed_in' });
    return fail('not_signed_in', MESSAGES.not_signed_in);
  }
  if (access === 'owner' && role !== 'owner') {
    logger.warn('ipc.rejected', { channel, code: 'forbidden' });
    try {
      await authority.recordDenied(channel);
    } catch (error) {
      logger.error('ipc.denial_not_recorded', { channel, errorName: error instanceof Error ? error.name : typeof error });
    }
    return fail('forbidden', MESSAGES.forbidden);
  }
  return null;
}

/**
 * Creates the function every `ipcMain.handle` listener delegates to. It never throws and never
 * calls a handler before the sender is trusted and the payload has parsed.
 */
export function createDispatcher(handlers: Handlers, { expectedOrigin, logger, authority }: DispatcherOptions): Dispatcher {
  return async (event, channel, payload) => {
    try {
      // 1. Who is asking? Checked first, so a foreign frame learns nothing, not even channel names.
      if (!isTrustedSender(event.senderFrame, expectedOrigin)) {
        logger.warn('ipc.rejected', { code: 'untrusted_sender' });
        return fail('untrusted_sender', MESSAGES.untrusted_sender);
      }
      // 2. Is it a channel of the contract? (The string itself is never logged: it is untrusted.)
      if (!isChannel(channel)) {
        logger.warn('ipc.rejected', { code: 'unknown_channel' });
        return fail('unknown_channel', MESSAGES.unknown_channel);
      }
      // 3. May this session call it? Checked before the payload is even parsed, so a refused
      // caller learns nothing about the channel's schema, and a refusal has no effect besides
      // its journal entry.
      const refusal = await checkAccess(channel, authority, logger);
      if (refusal !== null) return refusal;
      // 4. Parse before any side effect: a malformed request must change nothing.
      const input = contract[channel].input.safeParse(payload);
      if (!input.success) {
        logger.warn('ipc.rejected', { channel, code: 'invalid_request' });
        return fail('invalid_request', describeIssues(channel, input.error.issues));
      }
      // 5. Call. TypeScript cannot correlate `handlers[channel]` with the parsed input of the
      // same channel through a union; the contract schema above is what guarantees it.
      const handler = handlers[channel] as (input: unknown) => unknown;
      let output: unknown;
      try {
        output = await handler(input.data);
      } catch (error) {
        return failureFor(error, channel, logger);
      }
      // 6. The reply is checked too: a handler must not leak fields the contract does not name.
      const parsed = contract[channel].output.safeParse(output);
      if (!parsed.success) {
        logger.error('ipc.bad_output', { channel, code: 'internal' });
        return fail('internal', MESSAGES.internal);
      }
      return ok(parsed.data);
    } catch (error) {
      // Last resort: nothing escapes as an exception across IPC.
      const errorName = error instanceof Error ? error.name : typeof error;
      logger.error('ipc.dispatch_failed', { code: 'internal', errorName });
      return fail('internal', MESSAGES.internal);
    }
  };
}

/**
 * Registers exactly one `ipc.handle` listener per contract channel, each going through the
 * dispatcher. Only the first argument after the event is the payload.
 */
export function registerHandlers(ipc: IpcMainLike, handlers: Handlers, options: DispatcherOptions): void {
  const dispatch = createDispatcher(handlers, options);
  for (const channel of CHANNELS) {
    ipc.handle(channel, (event, ...args) => dispatch(event, channel, args[0]));
  }
}

/** The part of `WebContents` events are sent through. */
export interface EventTargetLike {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** Sends a contract event; returns whether it was sent. */
export type EventSender = <E extends EventName>(event: E, payload: EventPayload<E>) => boolean;

/**
 * Creates the sender for main → renderer events. The payload is parsed with the event's schema
 * first, so main can only ever push what the contract describes (and what preload will accept).
 */
export function createEventSender(target: EventTargetLike, logger: Logger): EventSender {
  return (event, payload) => {
    if (!isEventName(event)) {
      logger.error('ipc.event_rejected', { code: 'unknown_event' });
      return false;
    }
    const parsed = events[event].safeParse(payload);
    if (!parsed.success) {
      logger.error('ipc.event_rejected', { channel: event, code: 'invalid_event' });
      return false;
    }
    if (target.isDestroyed()) return false;
    target.send(event, parsed.data);
    return true;
  };
}
