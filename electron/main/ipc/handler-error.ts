import type { ErrorCode } from '../../../shared/ipc/result';

/** The codes a service may choose; the sender and channel codes belong to the dispatcher. */
export type HandlerErrorCode = Exclude<ErrorCode, 'untrusted_sender' | 'unknown_channel'>;

/**
 * Thrown by a service or handler to pick the stable error code the renderer receives
 * (`not_found`, `forbidden`, `io_failed`…). The message stays in main: the dispatcher sends a
 * fixed text per code, so nothing a service writes into a message (a name, a path) can cross IPC.
 */
export class HandlerError extends Error {
  override readonly name = 'HandlerError';
  readonly code: HandlerErrorCode;

  constructor(code: HandlerErrorCode, message: string = code, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
