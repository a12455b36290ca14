import type { CsvFileService } from '../services/csv-file-service';
import type { SessionService } from '../services/session-service';
import type { Handlers } from './handle';

/**
 * Handlers of importing customers (issue 5). Main only reads the file the owner picks; the
 * renderer decodes, validates and commits it, and journals the import with ids only.
 */
export function createImportHandlers(files: CsvFileService, sessions: SessionService): Pick<Handlers, 'import.pickCsv'> {
  return {
    'import.pickCsv': () => {
      // The dispatcher has checked the role already; a handler called directly checks it too.
      sessions.require('owner');
      return files.pick();
    },
  };
}
