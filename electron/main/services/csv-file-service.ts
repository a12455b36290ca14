import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelOutput, CsvFileRefusal } from '../../../shared/ipc/contract';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/domain/csv-import-limits';
import { silentLogger, type Logger } from '../logger';

/**
 * Reads the CSV file the owner picks for an import (issue 5). Plain Node: the file dialog is an
 * injected function (Electron's `dialog.showOpenDialog` in index.ts, a double in tests).
 *
 * Threats it stops: a FIFO or device picked in the dialog hanging main (only regular files are
 * opened, and without blocking), a huge file exhausting memory (the size is checked before and
 * while reading), and paths or contents reaching logs (only error codes are logged; nothing is
 * journaled: the renderer journals the import itself, with ids only).
 */
export type PickCsvResult = ChannelOutput<'import.pickCsv'>;

/** Shows the open-file dialog; resolves to the chosen path, or null when the person cancelled. */
export type ChooseFile = () => Promise<string | null>;

export interface CsvFileService {
  pick(): Promise<PickCsvResult>;
}

export interface CsvFileServiceOptions {
  readonly chooseFile: ChooseFile;
  readonly logger?: Logger;
  /** The size limit (tests use a small one); MAX_IMPORT_FILE_BYTES by default. */
  readonly maxBytes?: number;
}

const refused = (reason: CsvFileRefusal): PickCsvResult => ({ status: 'refused', reason });

const errorCode = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
};

/** Reads at most `limit + 1` bytes: one byte more than allowed proves the file grew past the limit. */
async function readUpTo(handle: FileHandle, limit: number): Promise<Buffer> {
  const buffer = Buffer.alloc(limit + 1);
  let length = 0;
  while (length < buffer.length) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return buffer.subarray(0, length);
}

export function createCsvFileService({ chooseFile, logger = silentLogger, maxBytes = MAX_IMPORT_FILE_BYTES }: CsvFileServiceOptions): CsvFileService {
  return {
    async pick() {
      const chosen = await chooseFile();
      if (chosen === null) return { status: 'cancelled' };
      try {
        // stat before open: opening a FIFO for reading would wait for a writer.
        const before = await stat(chosen);
        if (!before.isFile()) return refused('not_a_file');
        if (before.size > maxBytes) return refused('too_large');
        const handle = await open(chosen, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
        try {
          // The path may have been swapped between stat and open: check what was actually opened.
          const opened = await handle.stat();
          if (!opened.isFile()) return refused('not_a_file');
          if (opened.size > maxBytes) return refused('too_large');
          const bytes = await readUpTo(handle, maxBytes);
          if (bytes.length > maxBytes) return refused('too_large');
          return {
            status: 'ok',
            fileName: path.basename(chosen).slice(0, 255) || 'import.csv',
            size: bytes.length,
            bytesBase64: bytes.toString('base64'),
          };
        } finally {
          await handle.close();
        }
      } catch (error) {
        logger.warn('import.file_unreadable', { code: errorCode(error) });
        return refused('unreadable');
      }
    },
  };
}
