import { z } from 'zod';

/**
 * The audit journal: who did what to which record and when. It holds ids, never names or
 * contact details (docs/security.md), and each entry carries the SHA-256 of the previous one.
 */
export const JOURNAL_ACTIONS = [
  'vault.created',
  'session.signed_in',
  'session.sign_in_failed',
  'session.locked_out',
  'session.recovered',
  'session.locked',
  'session.passphrase_changed',
  'customer.opened',
  'customer.created',
  'customer.updated',
  'customer.deleted',
  /** Two records of one person merged; recordId is the survivor (the merged id is in the undo record). */
  'customer.merged',
  'customer.merge_undone',
  /** Customers imported from a file in one write; recordId is the import's batch id, no detail. */
  'customer.imported',
  'user.added',
  'user.disabled',
  'user.enabled',
  'user.removed',
  'recovery.replaced',
  'settings.changed',
  'access.denied',
  'export.created',
  'backup.created',
  'backup.restored',
] as const;
export const JournalActionSchema = z.enum(JOURNAL_ACTIONS);
export type JournalAction = z.infer<typeof JournalActionSchema>;

/** The only actions the renderer may report itself (main records the rest as they happen). */
export const RENDERER_JOURNAL_ACTIONS = [
  'customer.opened',
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'customer.merged',
  'customer.merge_undone',
  'customer.imported',
] as const;
export const RendererJournalActionSchema = z.enum(RENDERER_JOURNAL_ACTIONS);

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * A user or record id as the journal may hold it: id characters only (UUIDs, `recovery`), so no
 * caller can put a name, an e-mail address or free text into the journal.
 */
export const JournalIdSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/);

/** A short machine word (lock reason, refused channel); never free text. */
export const JournalDetailSchema = z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/);

export const JournalEntrySchema = z.object({
  /** 1-based position in the journal. */
  seq: z.number().int().positive(),
  /** Epoch milliseconds. */
  at: z.number().int(),
  /** Who: a user id, or null before anyone has signed in. */
  userId: JournalIdSchema.nullable(),
  action: JournalActionSchema,
  /** Which record: a customer or user id, or null. */
  recordId: JournalIdSchema.nullable(),
  detail: JournalDetailSchema.nullable(),
  prevHash: Hex64,
  hash: Hex64,
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

export const JournalFilterSchema = z.object({
  userId: JournalIdSchema.optional(),
  action: JournalActionSchema.optional(),
  recordId: JournalIdSchema.optional(),
  /** Newest first; page with `beforeSeq`. */
  beforeSeq: z.number().int().positive().optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
export type JournalFilter = z.input<typeof JournalFilterSchema>;

export const JOURNAL_PROBLEMS = ['malformed', 'hash_mismatch', 'chain_broken', 'sequence_gap'] as const;

export const JournalVerificationSchema = z.object({
  /** Entries that verified, in order, before the first problem (or all of them). */
  verifiedCount: z.number().int().nonnegative(),
  /** The first problem: the 1-based line where it is, and what is wrong. Null when intact. */
  problem: z
    .object({
      line: z.number().int().positive(),
      kind: z.enum(JOURNAL_PROBLEMS),
    })
    .nullable(),
  /**
   * A last line cut short by a crash mid-append: reported, but it does not invalidate the
   * entries before it (they verify on their own).
   */
  tornTail: z.boolean(),
});
export type JournalVerification = z.infer<typeof JournalVerificationSchema>;
