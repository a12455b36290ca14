import { readFile } from 'node:fs/promises';
import { encryptBackup, type SealedBackup } from '../../../shared/backup/age-file';
import { backupCounts, buildBackupText, checkBackupDocument } from '../../../shared/backup/format';
import { registerCsvFiles } from '../../../shared/backup/open-files';
import { flagsLookup, registerExportTables, restrictedIds } from '../../../shared/backup/register-export';
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
import type { VaultService } from '../services/vault-service';
import type { Handlers } from './handle';
import { HandlerError } from './handler-error';

/**
 * The successor transfer (issue 7; the seed: "a copy of the customer register may be handed to
 * the new company's controller"). The renderer sends the register's backup document from its
 * decrypted register; main trusts none of it and makes the package itself:
 *
 * role → the document re-checked (`checkBackupDocument`: format, manifest, every record) → the
 * note's data parsed with the generator's schema → the transfer passphrase judged strong here
 * too (it is all that protects every customer's data once the package leaves the salon) and not
 * the salon's backup passphrase (the successor must not open the salon's backups with it) → only
 * then the folder dialog (cancel: nothing written) → the package made from the checked document,
 * less the restricted customers (Art. 18; shared/backup/register-export.ts): `register.age`, the
 * register's CSV files and `handover-note.pdf`, written by `saveIntoFolder` into a new folder
 * (atomic, 0600; `register.age` read back and compared; a failure removes what this call wrote)
 * → one `export.created` entry, `successor-package`, with no record id and no names.
 *
 * The counts in the note, the files and the customer ids returned for the disclosure entry are all
 * taken from that one package, so the paper and the log say what the encrypted file really holds.
 */
export interface TransferHandlerDeps {
  readonly sessions: SessionService;
  /** To refuse the salon's own backup passphrase as the transfer passphrase. */
  readonly backups: BackupService;
  /** To refuse the owner's sign-in passphrase too. */
  readonly vault: VaultService;
  readonly journal: JournalService;
  readonly dialogs: Dialogs;
  readonly fonts: FontService;
  readonly logger: Logger;
  readonly now?: () => number;
}

type Saved = ChannelOutput<'transfers.saveSuccessorPackage'>;

export function createTransferHandlers(deps: TransferHandlerDeps): Pick<Handlers, 'transfers.saveSuccessorPackage'> {
  const { sessions, backups, vault, journal, dialogs, fonts, logger, now = Date.now } = deps;
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
      // Nor the owner's own: the successor may get the salon's computer, and with it the key file.
      if (await vault.isUserPassphrase(actor.user.id, input.passphrase)) return { status: 'refused', reason: 'passphrase_is_own' };

      const { document: whole } = checked;
      const createdAt = now();
      const flagsOf = flagsLookup(whole.tables.privacyFlags);
      // What goes: the register less the customers whose processing is restricted (Art. 18; they
      // stay with the salon), made here from the checked document — the files, the note's counts
      // and the ids returned for the disclosure entry all come from this one package.
      const leftOutRestricted = restrictedIds(whole.tables.customers, flagsOf, createdAt).size;
      const { document, text } = await buildBackupText({
        appVersion: whole.appVersion,
        createdAt: new Date(createdAt),
        settings: whole.settings,
        tables: registerExportTables(whole.tables, flagsOf, { forRecipient: 'successor', now: createdAt }),
      });
      const csvFiles = registerCsvFiles(document, { separator: input.csvSeparator });
      const csvNames = Object.keys(csvFiles).sort();
      const noteInput: HandoverNoteInput = {
        ...note.data,
        counts: backupCounts(document),
        restrictedCustomers: leftOutRestricted,
        objectingCustomers: document.tables.customers.filter((customer) => hasActiveObjection(flagsOf(customer.id), createdAt)).length,
        csvFiles: csvNames,
      };
      let sealed: SealedBackup | null = null;
      const files: PlannedFile[] = [
        {
          name: SUCCESSOR_ARCHIVE_FILE,
          render: async () => {
            sealed = await encryptBackup(text, input.passphrase);
            return sealed.bytes;
          },
        },
        ...csvNames.map((name): PlannedFile => ({ name, render: () => Promise.resolve(csvFiles[name]!) })),
        {
          name: SUCCESSOR_NOTE_FILE,
          render: async () => {
            const loaded = await fonts.load();
            return handoverNotePdf(noteInput, { createdAt: new Date(createdAt), ...(loaded === null ? {} : { fonts: loaded }) });
          },
        },
      ];
      const saved = await saveIntoFolder(dialogs, `kirjuri-successor-${dateStamp(createdAt)}`, files, {
        // As for a backup (DESIGN §7): the file on disk must decrypt to exactly the package's text,
        // or the package is removed again — the successor must never get a file that will not open.
        verify: async (written) => {
          const bytes = await readFile(written[SUCCESSOR_ARCHIVE_FILE]!);
          if (sealed === null || (await sealed.readBack(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))) !== text) {
            throw new Error('the successor package does not read back');
          }
        },
      });
      if (!saved) return { status: 'cancelled' };
      await appendQuietly(journal, { userId: actor.user.id, action: 'export.created', recordId: null, detail: 'successor-package' }, logger);
      return { status: 'ok', fileCount: files.length, customerIds: document.tables.customers.map((customer) => customer.id), leftOutRestricted };
    },
  };
}
