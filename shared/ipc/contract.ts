import { z } from 'zod';
import type { AccessReportInputMessage } from '../documents/access-report';
import { HandoverSuccessorSchema } from '../documents/handover-fields';
import type { HandoverNoteMessage } from '../documents/handover-note';
import type { DocumentDisclosure, DocumentRequest } from '../documents/labels';
import { DocumentLanguageSchema, DocumentModelSchema } from '../documents/model';
import type { ReplyOutcome, ReplyRequest } from '../documents/reply-letters';
import { base64Length, MAX_IMPORT_FILE_BYTES } from '../domain/csv-import-limits';
import type { Appointment } from '../schemas/appointment';
import type { BusinessInput } from '../schemas/business';
import type { Customer } from '../schemas/customer';
import { IsoDateSchema } from '../schemas/dates';
import { ATTACHMENT_MIME_TYPES, MAX_ATTACHMENT_BYTES } from '../schemas/gdpr-request';
import { MAX_DISCLOSED_CUSTOMERS } from '../schemas/disclosure';
import { RetentionPolicySchema } from '../schemas/retention';
import {
  JournalEntrySchema,
  JournalFilterSchema,
  JournalIdSchema,
  JournalVerificationSchema,
  RendererJournalActionSchema,
} from '../schemas/journal';
import { BackupEntrySchema, BackupScheduleSchema, BackupSettingsSchema, BackupStatusSchema, RotationPolicySchema } from '../schemas/backup';
import { PreferencesSchema } from '../schemas/preferences';
import { optionalText, requiredText } from '../schemas/text';
import {
  DataKeySchema,
  GivenPassphraseSchema,
  NewPassphraseSchema,
  NewUserSchema,
  PublicUserSchema,
  RegisterSettingsSchema,
  SessionInfoSchema,
  SignInResultSchema,
  UserIdSchema,
  UserSchema,
} from '../schemas/users';

/**
 * THE IPC contract: every channel the renderer may invoke, with the zod schema of its request
 * and of its reply, and who may call it. Preload exposes exactly these channels; main registers
 * exactly one handler per channel, parses the request with `input` and checks `access` against
 * the session main itself holds before doing anything.
 *
 * `access`: `public` — anyone, also before sign-in (the sign-in screen needs these);
 * `session` — any signed-in user; `owner` — a signed-in owner only. A refused call returns
 * `forbidden` (or `not_signed_in`) and leaves nothing but an `access.denied` journal entry.
 *
 * Channel names are `domain.verb`. Add a channel here first; the types of both sides follow.
 */
export const ACCESS_LEVELS = ['public', 'session', 'owner'] as const;

/** A backup document as text (canonical JSON); main parses and checks it before anything else. */
const BackupDocumentTextSchema = z.string().min(2).max(512 * 1024 * 1024);

/** Why a chosen backup cannot be restored; each has its own message. */
export const BACKUP_OPEN_PROBLEMS = [
  'wrong_passphrase',
  'not_age',
  'not_passphrase',
  'work_factor_too_high',
  'damaged',
  'not_json',
  'not_kirjuri',
  'future_version',
  'future_schema',
  'manifest_mismatch',
  'invalid_record',
  'unreadable',
  'too_large',
  'expired',
] as const;
export type BackupOpenProblem = (typeof BACKUP_OPEN_PROBLEMS)[number];

/** What an export is, for the journal and the file names. */
export const EXPORT_KINDS = ['register-csv', 'register-json', 'marketing-csv', 'requests-csv', 'disclosures-csv'] as const;
export type Access = (typeof ACCESS_LEVELS)[number];

const Empty = z.object({}).strict();

/** Why main would not read the chosen file: bigger than the limit, not a regular file, unreadable. */
export const CSV_FILE_REFUSALS = ['too_large', 'not_a_file', 'unreadable'] as const;
export type CsvFileRefusal = (typeof CSV_FILE_REFUSALS)[number];

/** Why main would not hand over the file picked as a request's attachment. */
export const ATTACHMENT_FILE_PROBLEMS = ['too_large', 'type_invalid', 'unreadable'] as const;
export type AttachmentFileProblem = (typeof ATTACHMENT_FILE_PROBLEMS)[number];

/**
 * What a document export is, for the journal's `export.created` detail (and its translation,
 * `admin.journal.details.<kind>`): one entry per file written.
 */
export const DOCUMENT_EXPORT_KINDS = ['access-report-pdf', 'access-report-json', 'privacy-notice-pdf', 'privacy-notice-html', 'reply-letter-pdf', 'successor-package'] as const;
export type DocumentExportKind = (typeof DOCUMENT_EXPORT_KINDS)[number];

/** Most people one access-report save covers (an authority's request names a handful). */
export const MAX_ACCESS_REPORTS_PER_SAVE = 1_000;

/**
 * A record whose full schema lives in a module the sandboxed preload must not load (the stored
 * customer and business schemas bring the phone-number library; the document generators bring
 * pdf-lib). The contract checks that it is an object and types it; main's document handlers
 * parse it with the full schema (shared/documents: `AccessReportInputSchema`,
 * `PrivacyNoticeInputSchema`, `ReplyLetterInputSchema`) before anything else, and answer
 * `invalid_request` exactly as the dispatcher would.
 */
const checkedInMain = <T>() =>
  z.custom<T>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), { message: 'object_expected' });

/** One person's access report as the renderer sends it (see `AccessReportInputSchema`). */
const AccessReportMessageSchema = z
  .object({
    customer: checkedInMain<Customer>(),
    appointments: z.array(checkedInMain<Appointment>()),
    requests: z.array(checkedInMain<DocumentRequest>()),
    disclosures: z.array(checkedInMain<DocumentDisclosure>()),
    business: checkedInMain<BusinessInput>(),
    reviewAfterMonths: RetentionPolicySchema.shape.reviewAfterMonths,
    healthNotesEnabled: z.boolean(),
    language: DocumentLanguageSchema.optional(),
    userNames: z.record(z.string(), z.string()).optional(),
  })
  .strict() satisfies z.ZodType<AccessReportInputMessage>;

const PrivacyNoticeMessageSchema = z
  .object({
    language: DocumentLanguageSchema,
    business: checkedInMain<BusinessInput>(),
    version: z.number().int().positive(),
    date: IsoDateSchema,
    reviewAfterMonths: RetentionPolicySchema.shape.reviewAfterMonths,
    healthNotesEnabled: z.boolean(),
  })
  .strict();

/** The handover note's data as the renderer sends it; main adds the counts from the checked document. */
const HandoverNoteMessageChannelSchema = z
  .object({
    language: DocumentLanguageSchema,
    business: checkedInMain<BusinessInput>(),
    successor: HandoverSuccessorSchema,
    reference: optionalText(200),
    date: IsoDateSchema,
  })
  .strict() satisfies z.ZodType<HandoverNoteMessage>;

/** A document written through a save dialog (one file) or into a chosen folder (several). */
const DocumentSavedSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('ok'), fileCount: z.number().int().positive() }),
]);

export const contract = {
  'app.info': {
    access: 'public',
    input: z.undefined(),
    output: z.object({
      version: z.string(),
      platform: z.string(),
      isPackaged: z.boolean(),
      /** The origin the renderer must be running at; a mismatch means a wrong, empty database. */
      expectedOrigin: z.string(),
    }),
  },
  'preferences.get': {
    access: 'public',
    input: z.undefined(),
    output: PreferencesSchema,
  },
  'preferences.set': {
    access: 'public',
    input: PreferencesSchema,
    output: PreferencesSchema,
  },

  /** Whether a register exists, and what the sign-in screen shows: business name, active users. */
  'vault.status': {
    access: 'public',
    input: z.undefined(),
    output: z.object({
      exists: z.boolean(),
      vaultId: z.string().nullable(),
      businessName: z.string().nullable(),
      users: z.array(PublicUserSchema),
    }),
  },
  /** First start: creates the data key, the owner's key slot and the recovery key (shown once). */
  'vault.create': {
    access: 'public',
    input: z.object({
      businessName: requiredText(120),
      ownerName: requiredText(100),
      passphrase: NewPassphraseSchema,
    }),
    output: z.object({ session: SessionInfoSchema, dataKey: DataKeySchema, recoveryKey: z.string() }),
  },

  'session.signIn': {
    access: 'public',
    input: z.object({ userId: UserIdSchema, passphrase: GivenPassphraseSchema }),
    output: SignInResultSchema,
  },
  /** Sign in as the owner with the recovery key; the session must then set a new passphrase. */
  'session.recover': {
    access: 'public',
    input: z.object({ recoveryKey: z.string().min(1).max(200) }),
    output: SignInResultSchema,
  },
  'session.current': {
    access: 'public',
    input: z.undefined(),
    output: SessionInfoSchema.nullable(),
  },
  /** Ends main's session (lock). Harmless when nobody is signed in, hence public. */
  'session.signOut': {
    access: 'public',
    input: z.object({ reason: z.enum(['manual', 'idle', 'suspend', 'screen-lock', 'menu', 'startup']) }),
    output: Empty,
  },
  /**
   * Any user changes their own passphrase. `currentPassphrase` is required unless the session
   * must change it anyway (one-time passphrase, recovery key).
   */
  'session.changePassphrase': {
    access: 'session',
    input: z.object({ currentPassphrase: GivenPassphraseSchema.optional(), newPassphrase: NewPassphraseSchema }),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('ok'), session: SessionInfoSchema }),
      z.object({ status: z.literal('wrong_passphrase') }),
      /** Too many wrong current passphrases (same friction as sign-in): not even tried until then. */
      z.object({ status: z.literal('locked_out'), retryAt: z.number().int() }),
    ]),
  },

  'users.list': {
    access: 'owner',
    input: z.undefined(),
    output: z.array(UserSchema),
  },
  'users.add': {
    access: 'owner',
    input: NewUserSchema,
    output: UserSchema,
  },
  'users.setDisabled': {
    access: 'owner',
    input: z.object({ userId: UserIdSchema, disabled: z.boolean() }),
    output: UserSchema,
  },
  'users.remove': {
    access: 'owner',
    input: z.object({ userId: UserIdSchema }),
    output: Empty,
  },
  /** A new recovery key replaces the old one, which stops working at once. Shown once. */
  'recovery.replace': {
    access: 'owner',
    input: z.undefined(),
    output: z.object({ recoveryKey: z.string() }),
  },

  'settings.get': {
    access: 'session',
    input: z.undefined(),
    output: RegisterSettingsSchema,
  },
  /** Changes the settings named; the others stay. Each changed setting is journaled. */
  'settings.set': {
    access: 'owner',
    input: RegisterSettingsSchema.partial().strict(),
    output: RegisterSettingsSchema,
  },

  /** The renderer reports what it did with a customer; main adds who and when. */
  'journal.record': {
    access: 'session',
    input: z.object({ action: RendererJournalActionSchema, recordId: JournalIdSchema }),
    output: Empty,
  },
  'journal.list': {
    access: 'owner',
    input: JournalFilterSchema,
    output: z.object({ entries: z.array(JournalEntrySchema), total: z.number().int().nonnegative() }),
  },
  'journal.verify': {
    access: 'owner',
    input: z.undefined(),
    output: JournalVerificationSchema,
  },
  /**
   * The owner picks a booking system's CSV export in main's file dialog; main reads it (a regular
   * file of at most MAX_IMPORT_FILE_BYTES) and hands the bytes over. Decoding, parsing and
   * validating are the renderer's, as customer data is. The name is the file's base name only:
   * a full path would tell the renderer (and any log) the user's home directory.
   */
  'import.pickCsv': {
    access: 'owner',
    input: z.undefined(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('refused'), reason: z.enum(CSV_FILE_REFUSALS) }),
      z.object({
        status: z.literal('ok'),
        fileName: z.string().min(1).max(255),
        size: z.number().int().nonnegative().max(MAX_IMPORT_FILE_BYTES),
        // A plain pattern, not z.base64(): this runs twice on up to 28 MB and must be linear and quick.
        bytesBase64: z
          .string()
          .max(base64Length(MAX_IMPORT_FILE_BYTES))
          .regex(/^[A-Za-z0-9+/]*={0,2}$/),
      }),
    ]),
  },

  /** Backup settings (folder, schedule, rotation, whether a passphrase is set). */
  'backups.settings': {
    access: 'owner',
    input: z.undefined(),
    output: BackupSettingsSchema,
  },
  /** Opens a folder dialog in main; the renderer never names a path. */
  'backups.chooseFolder': {
    access: 'owner',
    input: z.undefined(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('ok'), settings: BackupSettingsSchema }),
    ]),
  },
  'backups.setSettings': {
    access: 'owner',
    input: z.object({ schedule: BackupScheduleSchema.optional(), rotation: RotationPolicySchema.optional() }).strict(),
    output: BackupSettingsSchema,
  },
  /** Sets the backup passphrase; backups made before keep the passphrase they were made with. */
  'backups.setPassphrase': {
    access: 'owner',
    input: z.object({ passphrase: NewPassphraseSchema }).strict(),
    output: BackupSettingsSchema,
  },
  /** A backup now (`manual`), or the current data before a restore (`pre-restore`). */
  'backups.create': {
    access: 'owner',
    input: z.object({ document: BackupDocumentTextSchema, kind: z.enum(['manual', 'pre-restore']) }).strict(),
    output: BackupEntrySchema,
  },
  'backups.history': {
    access: 'owner',
    input: z.undefined(),
    output: z.array(BackupEntrySchema),
  },
  'backups.status': {
    access: 'session',
    input: z.undefined(),
    output: BackupStatusSchema,
  },
  /**
   * Asks main whether a scheduled backup is due (`changes`: the renderer's count of changes since
   * the last one). Main decides; when one is due it hands out a single-use token, so any session
   * (also a receptionist's) can supply the data for the salon's scheduled backups, but cannot
   * make backups at will.
   */
  'backups.due': {
    access: 'session',
    input: z.object({ changes: z.number().int().nonnegative().max(10_000_000) }).strict(),
    output: z.object({ due: z.enum(['scheduled', 'changes', 'closing']).nullable(), token: z.string().max(64).nullable() }),
  },
  'backups.runDue': {
    access: 'session',
    input: z.object({ token: z.string().min(1).max(64), document: BackupDocumentTextSchema }).strict(),
    output: BackupEntrySchema,
  },
  /** Opens a file dialog in main for the backup to restore; main keeps the path behind a token. */
  'backups.chooseForRestore': {
    access: 'owner',
    input: z.undefined(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('ok'), token: z.string().max(64), fileName: z.string().max(255) }),
    ]),
  },
  /**
   * Picks a backup from the history (e.g. the pre-restore backup, to undo a restore) instead of
   * a dialog: the renderer names the history entry's file, main finds its folder and keeps the
   * path behind a token as for a chosen file.
   */
  'backups.chooseFromHistory': {
    access: 'owner',
    input: z.object({ fileName: z.string().min(1).max(255) }).strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('not_found') }),
      z.object({ status: z.literal('ok'), token: z.string().max(64), fileName: z.string().max(255) }),
    ]),
  },
  /** Decrypts and checks the chosen backup: a preview and the document, or exactly what is wrong. */
  'backups.open': {
    access: 'owner',
    input: z.object({ token: z.string().min(1).max(64), passphrase: GivenPassphraseSchema }).strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('ok'), document: BackupDocumentTextSchema, size: z.number().int().nonnegative() }),
      z.object({ status: z.literal('failed'), problem: z.enum(BACKUP_OPEN_PROBLEMS) }),
    ]),
  },
  /** The renderer restored a backup: main journals it (ids and counts only). */
  'backups.restored': {
    access: 'owner',
    input: z.object({ customers: z.number().int().nonnegative(), skippedErased: z.number().int().nonnegative() }).strict(),
    output: Empty,
  },
  /**
   * Saves an export the owner asked for, through a save dialog in main (the renderer never names a
   * path). `files` are the export's files; more than one is written into a chosen folder.
   */
  'exports.save': {
    access: 'owner',
    input: z
      .object({
        kind: z.enum(EXPORT_KINDS),
        files: z.record(z.string().regex(/^[a-z0-9][a-z0-9.-]{0,80}\.(csv|json)$/), z.string().max(512 * 1024 * 1024)),
      })
      .strict(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('ok'), fileCount: z.number().int().positive() }),
    ]),
  },

  /**
   * Documents (issue 7). The renderer sends structured data, never a path or a finished file;
   * main renders with shared/documents (PDF with embedded DejaVu Sans, JSON, HTML), asks where
   * to save through its own dialog, writes atomically with mode 0600 and journals
   * `export.created` with the document kind and ids only.
   *
   * Access reports (Art. 15 PDF, Art. 20 JSON), one person or several (an authority's request):
   * one report and one format → a save dialog; otherwise a folder, into which main writes one
   * PDF and/or JSON per person (named by customer id, not by name).
   */
  'documents.saveAccessReport': {
    access: 'owner',
    input: z
      .object({
        format: z.enum(['pdf', 'json', 'both']),
        reports: z.array(AccessReportMessageSchema).min(1).max(MAX_ACCESS_REPORTS_PER_SAVE),
      })
      .strict(),
    output: DocumentSavedSchema,
  },
  /** The salon's register and privacy notice, as PDF or as a standalone HTML page. */
  'documents.savePrivacyNotice': {
    access: 'owner',
    input: PrivacyNoticeMessageSchema.extend({ format: z.enum(['pdf', 'html']) }).strict(),
    output: DocumentSavedSchema,
  },
  /**
   * The privacy notice's text for an on-screen preview: the document model main would print and
   * its text in reading order (the CSP rules out showing the HTML or the PDF itself).
   */
  'documents.renderPrivacyNoticePreview': {
    access: 'owner',
    input: PrivacyNoticeMessageSchema,
    output: z.object({ model: DocumentModelSchema, lines: z.array(z.string()) }),
  },
  /**
   * A reply letter to a GDPR request as PDF. `requestId` (the stored request's id) is what the
   * journal entry names; nothing of the letter's text is journaled.
   */
  'documents.saveReplyLetter': {
    access: 'owner',
    input: z
      .object({
        language: DocumentLanguageSchema,
        business: checkedInMain<BusinessInput>(),
        request: checkedInMain<ReplyRequest>(),
        outcome: checkedInMain<ReplyOutcome>(),
        date: IsoDateSchema,
        signatory: z.string().max(200).optional(),
        requestId: JournalIdSchema.optional(),
      })
      .strict(),
    output: DocumentSavedSchema,
  },
  /**
   * The successor transfer (issue 7; the seed's business-transfer case): the whole register for
   * the successor company's controller. Main re-checks the backup document (the renderer is not
   * trusted), asks for a folder and writes `kirjuri-successor-YYYYMMDD/` atomically: the document
   * encrypted with the transfer passphrase (`register.age`, never the salon's own passphrase),
   * the register's CSV files as given, and the handover note (PDF) with main's own counts. One
   * `export.created` entry (`successor-package`), no personal data. CSV names as `exports.save`.
   */
  'transfers.saveSuccessorPackage': {
    access: 'owner',
    input: z
      .object({
        document: BackupDocumentTextSchema,
        passphrase: NewPassphraseSchema,
        /** The separator of the package's CSV files (settings); main makes the files itself. */
        csvSeparator: z.enum([';', ',']),
        note: HandoverNoteMessageChannelSchema,
      })
      .strict(),
    // A passphrase main will not seal the package with is a `refused` the form can show at the
    // field (the renderer cannot know the backup passphrase); any other bad input is invalid_request.
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('cancelled') }),
      z.object({
        status: z.literal('ok'),
        fileCount: z.number().int().positive(),
        /** The customers in the package, for the disclosure entry; restricted ones stayed behind. */
        customerIds: z.array(z.string().min(1).max(64)).max(MAX_DISCLOSED_CUSTOMERS),
        leftOutRestricted: z.number().int().nonnegative(),
      }),
      z.object({ status: z.literal('refused'), reason: z.enum(['passphrase_weak', 'passphrase_is_backup', 'passphrase_is_own']) }),
    ]),
  },
  /**
   * A receptionist takes in a written request: main's file dialog picks the scanned letter or
   * photo (PDF, PNG, JPEG, at most MAX_ATTACHMENT_BYTES), main checks that the bytes are what the
   * name says (magic numbers) and hands them over; the renderer stores them encrypted. The name
   * is the base name only.
   */
  'requests.pickAttachment': {
    access: 'session',
    input: z.undefined(),
    output: z.discriminatedUnion('status', [
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('failed'), problem: z.enum(ATTACHMENT_FILE_PROBLEMS) }),
      z.object({
        status: z.literal('ok'),
        fileName: z.string().min(1).max(255),
        mimeType: z.enum(ATTACHMENT_MIME_TYPES),
        size: z.number().int().positive().max(MAX_ATTACHMENT_BYTES),
        bytesBase64: z
          .string()
          .max(base64Length(MAX_ATTACHMENT_BYTES))
          .regex(/^[A-Za-z0-9+/]*={0,2}$/),
      }),
    ]),
  },
} as const satisfies Record<string, { access: Access; input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

/** Channels only an owner may call. */
export type OwnerChannel = { [C in Channel]: Contract[C]['access'] extends 'owner' ? C : never }[Channel];

/** Channels a signed-in receptionist may not call (the role matrix test walks these). */
export const OWNER_CHANNELS = CHANNELS.filter((c): c is OwnerChannel => contract[c].access === 'owner');

/**
 * Events main pushes to the renderer. The renderer never receives the Electron event object,
 * only the parsed payload.
 */
export const events = {
  'session.lockRequested': z.object({
    reason: z.enum(['suspend', 'screen-lock', 'menu']),
  }),
  /** The app is closing and a closing backup is due: the renderer supplies it with this token. */
  'backups.closing': z.object({ token: z.string().min(1).max(64) }),
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export const EVENT_NAMES = Object.keys(events) as EventName[];
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const isChannel = (name: unknown): name is Channel =>
  typeof name === 'string' && Object.hasOwn(contract, name);
export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.hasOwn(events, name);
