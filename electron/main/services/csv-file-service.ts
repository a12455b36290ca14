import path from 'node:path';
import type { ChannelOutput, CsvFileRefusal } from '../../../shared/ipc/contract';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/domain/csv-import-limits';
import { silentLogger, type Logger } from '../logger';
import { errorCode, readRegularFile } from './bounded-read';

/**
 * Reads the CSV file the owner picks for an import (issue 5). Plain Node: the file dialog is an
 * injected function (Electron's `dialog.showOpenDialog` in index.ts, a double in tests).
 *
 * Threats it stops: a FIFO or device picked in the dialog hanging main and a huge file exhausting
 * memory (`readRegularFile`), and paths or contents reaching logs (only error codes are logged;
 * nothing is journaled: the renderer journals the import itself, with ids only).
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

export function createCsvFileService({ chooseFile, logger = silentLogger, maxBytes = MAX_IMPORT_FILE_BYTES }: CsvFileServiceOptions): CsvFileService {
  return {
    async pick() {
      const chosen = await chooseFile();
      if (chosen === null) return { status: 'cancelled' };
      try {
        const read = await readRegularFile(chosen, maxBytes);
        if (read.status !== 'ok') return refused(read.status);
        return {
          status: 'ok',
          fileName: path.basename(chosen).slice(0, 255) || 'import.csv',
          size: read.bytes.length,
          bytesBase64: read.bytes.toString('base64'),
        };
      } catch (error) {
        logger.warn('import.file_unreadable', { code: errorCode(error) });
        return refused('unreadable');
      }
    },
  };
}
