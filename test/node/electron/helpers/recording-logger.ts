import { createLogger, type Logger } from '../../../../electron/main/logger';

/** A real logger whose sink keeps the JSON lines, so tests can assert what was (not) logged. */
export function createRecordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger((line) => lines.push(line), 'debug'), lines };
}
