import { z } from 'zod';
import { RetentionReviewMonthsSchema } from './retention';
import { requiredText } from './text';

/** Who can do what: the owner everything, the receptionist the front desk (docs/security.md). */
export const ROLES = ['owner', 'receptionist'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const UserIdSchema = z.string().min(1).max(64);

/** What the sign-in screen may show before anyone has signed in. */
export const PublicUserSchema = z.object({
  id: UserIdSchema,
  name: z.string().max(100),
  role: RoleSchema,
});
export type PublicUser = z.infer<typeof PublicUserSchema>;

/** A user as the owner's user management sees it. */
export const UserSchema = PublicUserSchema.extend({
  disabled: z.boolean(),
  /** Set for a one-time passphrase (new receptionist) and after a recovery-key sign-in. */
  mustChangePassphrase: z.boolean(),
  createdAt: z.number().int(),
  failedAttempts: z.number().int().nonnegative(),
  /** Epoch ms until which sign-in is refused after repeated failures, or null. */
  lockedUntil: z.number().int().nullable(),
});
export type User = z.infer<typeof UserSchema>;

/** Auto-lock choices in minutes; "never" is deliberately not offered. */
export const AUTO_LOCK_CHOICES = [1, 2, 5, 10, 15, 30, 60] as const;
export const AutoLockMinutesSchema = z.union(AUTO_LOCK_CHOICES.map((m) => z.literal(m)) as [z.ZodLiteral<1>, ...z.ZodLiteral<number>[]]);
export const DEFAULT_AUTO_LOCK_MINUTES = 5;

/** Main's minimum for any passphrase it wraps a key slot with; the UI also runs zxcvbn. */
export const MIN_PASSPHRASE_CHARS = 12;
export const NewPassphraseSchema = z
  .string()
  .min(MIN_PASSPHRASE_CHARS, { error: 'passphrase_weak' })
  .max(1024, { error: 'too_long' });

/** A passphrase being checked (sign-in): any length, but bounded. */
export const GivenPassphraseSchema = z.string().min(1).max(1024);

/** The register's settings kept by main: any session reads them, only the owner changes them. */
export const RegisterSettingsSchema = z.object({
  autoLockMinutes: AutoLockMinutesSchema,
  /**
   * Whether customers have a separate health-notes field (allergies, patch tests: special-category
   * data, GDPR Art. 9). Off until the owner decides the salon needs it.
   */
  healthNotesEnabled: z.boolean(),
  /** The separator of exported CSV files: `;` for Finnish Excel, `,` on request. */
  csvSeparator: z.enum([';', ',']),
  /**
   * Storage limitation (GDPR Art. 5(1)(e)): after how many months without an appointment (and with
   * no open request) a customer comes up for the owner's retention review. See `retentionPolicyOf`.
   */
  retentionReviewMonths: RetentionReviewMonthsSchema,
});
export type RegisterSettings = z.infer<typeof RegisterSettingsSchema>;

export const SessionInfoSchema = z.object({
  vaultId: z.string(),
  user: PublicUserSchema,
  mustChangePassphrase: z.boolean(),
  settings: RegisterSettingsSchema,
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/** The data key crosses IPC once per sign-in, base64-encoded; the renderer imports it non-extractable. */
export const DataKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

export const SignInResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), session: SessionInfoSchema, dataKey: DataKeySchema }),
  z.object({ status: z.literal('wrong_passphrase'), failedAttempts: z.number().int(), retryAt: z.number().int().nullable() }),
  z.object({ status: z.literal('locked_out'), retryAt: z.number().int() }),
  z.object({ status: z.literal('unavailable') }),
]);
export type SignInResult = z.infer<typeof SignInResultSchema>;

export const NewUserSchema = z.object({
  name: requiredText(100),
  oneTimePassphrase: NewPassphraseSchema,
});
