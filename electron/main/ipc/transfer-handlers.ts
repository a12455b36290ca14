import { encryptBackup } from '../../../shared/backup/age-file';
import { backupCounts, checkBackupDocument } from '../../../shared/backup/format';
import { flagsLookup, restrictedIds } from '../../../shared/backup/register-export';
import { SUCCESSOR_ARCHIVE_FILE, SUCCESSOR_NOTE_FILE } from '../../../shared/documents/handover-fields';
import { handoverNotePdf, HandoverNoteMessageSchema, type HandoverNoteInput } from '../../../shared/documents/handover-note';
import { hasActiveObjection } from '../../../shared/domain/marketing';
import { assessPassphrase } from '../../../shared/domain/passphrase-strength';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { Logger } from '../logger';
import type { BackupService } from '../services/backup-service';
import type { Dialogs } from '../services/dialogs';
import { dateStamp, saveIntoFolder, type PlannedFile } from '../services/document-files';
import type { FontService } from '../services/font-service';
import { appendQuietly, type JournalService } from '../services/journal-service';
import type { SessionService } from '../services/session-service';
import type { Handlers } from './handle';
import { HandlerError } from './handler-error';

/**
 * The successor transfer (issue 7; the seed: "a copy of the customer register may be handed to
 * the new company's controller"). The renderer builds the backup document and the CSV files from
 * its decrypted register; main trusts none of it:
 *
 * role → the document re-checked (`checkBackupDocument`: format, manifest, every record) → the
 * note's data parsed with the generator's schema → the transfer passphrase judged strong here
 * too (it is all that protects every customer's data once the package leaves the salon) and not
 * the salon's backup passphrase (the successor must not open the salon's backups with it) → only
 * then the folder dialog (cancel: nothing written) → `register.age`, the CSV files and
 * `handover-note.pdf` written by `saveIntoFolder` (atomic, 0600; a failure removes what this call
 * wrote) → one `export.created` entry, `successor-package`, with no record id and no names.
 *
 * The counts in the note are taken from the checked document, so the paper says what the
 * encrypted file really holds.
 */
export interface TransferHandlerDeps {
  readonly sessions: SessionService;
  /** To refuse the salon's own backup passphrase as the transfer passphrase. */
  readonly backups: BackupService;
  readonly journal: JournalService;
  readonly dialogs: Dialogs;
  readonly fonts: FontService;
  readonly logger: Logger;
  readonly now?: () => number;
}

type Saved = ChannelOutput<'transfers.saveSuccessorPackage'>;

export function createTransferHandlers(deps: TransferHandlerDeps): Pick<Handlers, 'transfers.saveSuccessorPackage'> {
  const { sessions, backups, journal, dialogs, fonts, logger, now = Date.now } = deps;
  return {
    'transfers.saveSuccessorPackage': async (input): Promise<Saved> => {
      const actor = sessions.require('owner');
      const checked = await checkBackupDocument(input.document);
      // The problem's kind only: a table name or an index says nothing about a person.
      if (!checked.ok) throw new HandlerError('invalid_request', `successor package: document ${checked.problem.kind}`);
      const note = HandoverNoteMessageSchema.safeParse(input.note);
      if (!note.success) throw new HandlerError('invalid_request', 'successor package: handover note rejected');
      const guessable = [note.data.business.name, note.data.successor.name, note.data.successor.controllerContact];
      if (!(await assessPassphrase(input.passphrase, guessable)).isAcceptable) return { status: 'refused', reason: 'passphrase_weak' };
      if (await backups.isBackupPassphrase(actor.dataKey, input.passphrase)) return { status: 'refused', reason: 'passphrase_is_backup' };

      const { document } = checked;
      const createdAt = now();
      const flagsOf = flagsLookup(document.tables.privacyFlags);
      const csvNames = Object.keys(input.csvFiles).sort();
      const noteInput: HandoverNoteInput = {
        ...note.data,
        counts: backupCounts(document),
        restrictedCustomers: restrictedIds(document.tables.customers, flagsOf, createdAt).size,
        objectingCustomers: document.tables.customers.filter((customer) => hasActiveObjection(flagsOf(customer.id), createdAt)).length,
        csvFiles: csvNames,
      };
      const files: PlannedFile[] = [
        // The checked text as it came: its manifest is over exactly these bytes' records.
        { name: SUCCESSOR_ARCHIVE_FILE, render: async () => (await encryptBackup(input.document, input.passphrase)).bytes },
        ...csvNames.map((name): PlannedFile => ({ name, render: () => Promise.resolve(input.csvFiles[name]!) })),
        {
          name: SUCCESSOR_NOTE_FILE,
          render: async () => {
            const loaded = await fonts.load();
            return handoverNotePdf(noteInput, { createdAt: new Date(createdAt), ...(loaded === null ? {} : { fonts: loaded }) });
          },
        },
      ];
      if (!(await saveIntoFolder(dialogs, `kirjuri-successor-${dateStamp(createdAt)}`, files))) return { status: 'cancelled' };
      await appendQuietly(journal, { userId: actor.user.id, action: 'export.created', recordId: null, detail: 'successor-package' }, logger);
      return { status: 'ok', fileCount: files.length };
    },
  };
}
