import { z } from 'zod';

/**
 * Stable error codes that cross IPC. The UI translates them (`errors.<code>`); the text in
 * `message` is for developers only and never contains personal data.
 */
export const ERROR_CODES = [
  'invalid_request',
  'untrusted_sender',
  'unknown_channel',
  'not_found',
  /** A channel needs a signed-in session and there is none (locked). */
  'not_signed_in',
  /** The signed-in user's role may not do this. */
  'forbidden',
  /** The request contradicts the current state (e.g. removing the last owner). */
  'conflict',
  'io_failed',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const IpcErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string().max(500),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});

/** Builds the zod schema of a reply envelope around a channel's output schema. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: IpcErrorSchema }),
  ]);
}
