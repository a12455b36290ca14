/**
 * The main process's only logger. It writes one JSON line per event with a level, a fixed event
 * name and a few stable identifiers (error code, error name, contract channel).
 *
 * Threat: logs end up in bug reports and support e-mails. A payload, an error message or a file
 * path can hold customer data (names, phone numbers, the user's home directory), so the logger
 * has no field for them, and every field value must look like an identifier or it is replaced.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The only things that may be logged besides the event name. */
export interface LogFields {
  /** A stable code: an IPC error code or a Node system error code such as `ENOSPC`. */
  readonly code?: string;
  /** An error's class name, e.g. `TypeError`. */
  readonly errorName?: string;
  /** A contract channel or event name (never an unchecked string from the renderer). */
  readonly channel?: string;
}

export interface Logger {
  readonly debug: (event: string, fields?: LogFields) => void;
  readonly info: (event: string, fields?: LogFields) => void;
  readonly warn: (event: string, fields?: LogFields) => void;
  readonly error: (event: string, fields?: LogFields) => void;
}

export type LogSink = (line: string) => void;

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Identifiers only: anything longer or with spaces, '@', '/' and so on may be personal data.
const SAFE_VALUE = /^[A-Za-z0-9._:-]{1,64}$/;

const safe = (value: string): string => (SAFE_VALUE.test(value) ? value : '[redacted]');

const stderrSink: LogSink = (line) => {
  process.stderr.write(`${line}\n`);
};

/** Creates a logger writing JSON lines to `sink` (stderr by default) at `minLevel` and above. */
export function createLogger(sink: LogSink = stderrSink, minLevel: LogLevel = 'info'): Logger {
  const write =
    (level: LogLevel) =>
    (event: string, fields: LogFields = {}): void => {
      if (LEVEL_RANK[level] < LEVEL_RANK[minLevel]) return;
      const record: Record<string, string> = {
        time: new Date().toISOString(),
        level,
        event: safe(event),
      };
      if (fields.code !== undefined) record.code = safe(fields.code);
      if (fields.errorName !== undefined) record.errorName = safe(fields.errorName);
      if (fields.channel !== undefined) record.channel = safe(fields.channel);
      try {
        sink(JSON.stringify(record));
      } catch {
        // A broken stderr (closed pipe) must never take the app down.
      }
    };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
  };
}

/** A logger that drops everything; for tests and tools that do not care. */
export const silentLogger: Logger = createLogger(() => undefined, 'error');
