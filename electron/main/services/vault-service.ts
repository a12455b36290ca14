import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  equalBytes,
  exportDataKey,
  generateDataKey,
  isKdfAcceptable,
  isKdfSettingAcceptable,
  isWeakerThan,
  KDF_DEFAULT,
  secretBytes,
  unwrapDataKey,
  wrapDataKey,
  WrongSecretError,
  type KdfSetting,
  type WebCryptoKey,
} from '../../../shared/crypto/key-slots';
import { NO_LOCKOUT, registerFailure, retryAt, type LockoutState } from '../../../shared/domain/lockout';
import { generateRecoveryKey, normaliseRecoveryKey } from '../../../shared/domain/recovery-key';
import { DEFAULT_RETENTION_REVIEW_MONTHS } from '../../../shared/schemas/retention';
import { DEFAULT_AUTO_LOCK_MINUTES, type PublicUser, type User } from '../../../shared/schemas/users';
import { HandlerError } from '../ipc/handler-error';
import { silentLogger, type Logger } from '../logger';
import type { AtomicWriteFs } from './atomic-write';
import {
  readVaultFile,
  RECOVERY_SLOT_OWNER,
  slotKeyMaterial,
  slotRecord,
  VAULT_FILE_NAME,
  VAULT_FORMAT_VERSION,
  writeVaultFile,
  type KeySlotRecord,
  type VaultDocument,
  type VaultSettings,
  type VaultUserRecord,
} from './vault-file';

/**
 * Key management, in the main process (issue 4): the vault file, its key slots, users, the
 * recovery key and brute-force friction. Main is the authority on who may open the register;
 * the renderer receives the data key only after main has unwrapped it.
 *
 * Every operation runs under one lock and reads the file afresh: sign-in attempts are strictly
 * one after the other, so a burst of parallel guesses cannot all slip past the lockout counter,
 * and no two writes interleave their read-modify-write.
 *
 * Slot changes follow LUKS: write the new slot next to the old ones, read the file back and
 * check the new slot opens to the same data key, and only then remove the old slot. A crash
 * between the two writes leaves both slots, so the old secret and the new one both still work.
 * The last active owner with a usable slot can never be removed, disabled or left without a slot.
 */
export interface VaultStatus {
  readonly exists: boolean;
  readonly vaultId: string | null;
  readonly businessName: string | null;
  /** Active users, as the sign-in screen lists them. */
  readonly users: PublicUser[];
}

/** The session's hold on the vault: which vault, and its (extractable) data key. */
export interface KeyHolder {
  readonly vaultId: string;
  readonly dataKey: WebCryptoKey;
}

export type UnavailableReason = 'unknown_user' | 'disabled' | 'no_owner' | 'weak_slot';

export type UnlockOutcome =
  | { readonly status: 'ok'; readonly vaultId: string; readonly user: VaultUserRecord; readonly dataKey: WebCryptoKey }
  | {
      readonly status: 'wrong_passphrase';
      readonly failedAttempts: number;
      readonly retryAt: number | null;
      /** This failure started a wait (the journal records `session.locked_out`). */
      readonly lockoutStarted: boolean;
    }
  | { readonly status: 'locked_out'; readonly retryAt: number }
  | { readonly status: 'unavailable'; readonly reason: UnavailableReason };

export type ChangePassphraseOutcome =
  | { readonly status: 'ok'; readonly user: VaultUserRecord }
  | { readonly status: 'wrong_passphrase'; readonly failedAttempts: number; readonly lockoutStarted: boolean }
  | { readonly status: 'locked_out'; readonly retryAt: number };

export interface CreateVaultInput {
  readonly businessName: string;
  readonly ownerName: string;
  readonly passphrase: string;
}

export interface CreatedVault {
  readonly vaultId: string;
  readonly owner: VaultUserRecord;
  /** Extractable: the session wraps it into further slots. */
  readonly dataKey: WebCryptoKey;
  /** Formatted `XXXX-XXXX-…`; shown once, never stored in clear. */
  readonly recoveryKey: string;
}

export interface ChangePassphraseInput {
  readonly userId: string;
  readonly holder: KeyHolder;
  readonly newPassphrase: string;
  readonly currentPassphrase?: string | undefined;
  /** False after a one-time passphrase or a recovery-key sign-in: the session proved enough. */
  readonly requireCurrent: boolean;
}

export interface VaultService {
  readonly filePath: string;
  /** The validated file, or null when there is none. Throws `VaultFileError` for a damaged file. */
  read(): Promise<VaultDocument | null>;
  status(): Promise<VaultStatus>;
  /** First start. `conflict` when a vault file exists (even a damaged one: `io_failed`). */
  create(input: CreateVaultInput): Promise<CreatedVault>;
  /** Opens a user's slot. A locked-out user is refused before the passphrase is even tried. */
  unlock(userId: string, passphrase: string): Promise<UnlockOutcome>;
  /**
   * Whether `passphrase` opens one of the user's own slots — to refuse it where a passphrase must
   * be a different one (the successor package). No sign-in: nothing is written, no lockout counted.
   */
  isUserPassphrase(userId: string, passphrase: string): Promise<boolean>;
  /** Opens the recovery slot; the user is the first active owner. Malformed input: `invalid_request`. */
  unlockWithRecoveryKey(recoveryKey: string): Promise<UnlockOutcome>;
  changePassphrase(input: ChangePassphraseInput): Promise<ChangePassphraseOutcome>;
  /** A receptionist with a one-time passphrase (must change it at first sign-in). */
  addUser(holder: KeyHolder, input: { readonly name: string; readonly oneTimePassphrase: string }): Promise<VaultUserRecord>;
  setDisabled(actorId: string, userId: string, disabled: boolean): Promise<{ user: VaultUserRecord; changed: boolean }>;
  removeUser(actorId: string, userId: string): Promise<void>;
  listUsers(): Promise<VaultUserRecord[]>;
  /** A new recovery key; the old recovery slot is removed once the new one is verified. */
  replaceRecoveryKey(holder: KeyHolder): Promise<string>;
  settings(): Promise<VaultSettings>;
  /** Changes the settings given; returns which of them really changed. */
  updateSettings(settings: Partial<VaultSettings>): Promise<{ settings: VaultSettings; changed: (keyof VaultSettings)[] }>;
}

export interface VaultServiceOptions {
  readonly logger?: Logger;
  readonly now?: () => number;
  /**
   * The KDF of new slots, and the target that weaker slots are upgraded to at sign-in. Defaults to
   * `KDF_DEFAULT` (Argon2id 64 MiB / 3 / 4); refused outside its floor…ceiling, so no option can
   * make slots weaker than the floors.
   */
  readonly kdf?: KdfSetting;
  /** Injected file system for the atomic writes (crash-injection tests). */
  readonly fs?: AtomicWriteFs;
}

/** The user as the owner's user management sees it (the contract's `UserSchema`). */
export function toUser(record: VaultUserRecord): User {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    disabled: record.disabled,
    mustChangePassphrase: record.mustChangePassphrase,
    createdAt: record.createdAt,
    failedAttempts: record.lockout.failedAttempts,
    lockedUntil: record.lockout.lockedUntil,
  };
}

export function toPublicUser(record: VaultUserRecord): PublicUser {
  return { id: record.id, name: record.name, role: record.role };
}

/** Checks a KDF setting; anything outside floor…ceiling is a programming error. */
export function checkedKdfSetting(setting: KdfSetting | undefined): KdfSetting {
  const value = setting ?? KDF_DEFAULT;
  if (!isKdfSettingAcceptable(value)) throw new RangeError(`KDF setting ${value.alg} outside the accepted range`);
  return value;
}

const isActiveOwner = (user: VaultUserRecord): boolean => user.role === 'owner' && !user.disabled;

/** Comparable form of a display name: two users must not look the same on the sign-in screen. */
const nameKey = (name: string): string => name.normalize('NFC').trim().toLocaleLowerCase('fi');

type OpenResult =
  | { readonly kind: 'ok'; readonly slot: KeySlotRecord; readonly dataKey: WebCryptoKey }
  | { readonly kind: 'wrong' }
  | { readonly kind: 'no_usable_slot' };

/** Creates the vault service for `vault.json` in `userDataDir`. Nothing is read until first use. */
export function createVaultService(userDataDir: string, options: VaultServiceOptions = {}): VaultService {
  const filePath = path.join(userDataDir, VAULT_FILE_NAME);
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? Date.now;
  const kdf = checkedKdfSetting(options.kdf);
  let queue: Promise<unknown> = Promise.resolve();

  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  const write = async (vault: VaultDocument): Promise<void> => {
    await mkdir(userDataDir, { recursive: true, mode: 0o700 });
    await writeVaultFile(filePath, vault, options.fs);
  };

  const load = async (): Promise<VaultDocument> => {
    const vault = await readVaultFile(filePath);
    if (vault === null) throw new HandlerError('not_found', 'no vault');
    return vault;
  };

  /** Refuses a state in which nobody could administer the register any more. */
  const assertOwnerRemains = (vault: VaultDocument): void => {
    const capable = vault.users.some(
      (user) =>
        isActiveOwner(user) &&
        vault.slots.some((slot) => slot.owner === user.id && isKdfAcceptable(slotKeyMaterial(slot).kdf)),
    );
    if (!capable) throw new HandlerError('conflict', 'the last active owner and their key slot must remain');
  };

  /**
   * Writes, reads the file back and checks that each new slot opens, with its secret, to exactly
   * the data key it was made from. Returns the vault as read back.
   */
  const writeVerified = async (
    vault: VaultDocument,
    checks: ReadonlyArray<{ readonly slotId: string; readonly secret: string }>,
    expectedKey: Uint8Array,
  ): Promise<VaultDocument> => {
    await write(vault);
    const reread = await load();
    for (const check of checks) {
      const slot = reread.slots.find((candidate) => candidate.id === check.slotId);
      if (slot === undefined) throw new Error('new key slot missing after write');
      const opened = await unwrapDataKey(slotKeyMaterial(slot), check.secret, { extractable: true });
      if (!equalBytes(await exportDataKey(opened), expectedKey)) throw new Error('new key slot opens to another key');
    }
    return reread;
  };

  const newSlot = async (owner: string, dataKey: WebCryptoKey, secret: string): Promise<KeySlotRecord> =>
    slotRecord(randomUUID(), owner, await wrapDataKey(dataKey, secret, kdf), now());

  /** Tries each usable slot; slots outside the KDF range are skipped and logged (downgrade). */
  const openAny = async (slots: readonly KeySlotRecord[], secret: string): Promise<OpenResult> => {
    let isAnyUsable = false;
    for (const slot of slots) {
      const material = slotKeyMaterial(slot);
      if (!isKdfAcceptable(material.kdf)) {
        logger.warn('vault.weak_slot', { code: 'kdf_out_of_range' });
        continue;
      }
      isAnyUsable = true;
      try {
        return { kind: 'ok', slot, dataKey: await unwrapDataKey(material, secret, { extractable: true }) };
      } catch (error) {
        if (!(error instanceof WrongSecretError)) throw error;
      }
    }
    return isAnyUsable ? { kind: 'wrong' } : { kind: 'no_usable_slot' };
  };

  /**
   * Re-wraps a slot whose KDF is weaker than the current setting (PBKDF2 → Argon2id, or a lower
   * cost), in LUKS order. Best effort: a failure is logged and the sign-in still succeeds with the
   * old slot in place.
   */
  const upgradeIfWeak = async (vault: VaultDocument, opened: KeySlotRecord, secret: string, dataKey: WebCryptoKey): Promise<void> => {
    if (!isWeakerThan(opened.kdf, kdf)) return;
    try {
      const replacement = await newSlot(opened.owner, dataKey, secret);
      const raw = await exportDataKey(dataKey);
      const reread = await writeVerified({ ...vault, slots: [...vault.slots, replacement] }, [{ slotId: replacement.id, secret }], raw);
      await write({ ...reread, slots: reread.slots.filter((slot) => slot.id !== opened.id) });
      logger.info('vault.slot_upgraded', { code: kdf.alg });
    } catch (error) {
      logger.error('vault.slot_upgrade_failed', { errorName: error instanceof Error ? error.name : 'unknown' });
    }
  };

  const withUser = (vault: VaultDocument, userId: string, patch: Partial<VaultUserRecord>): VaultDocument => ({
    ...vault,
    users: vault.users.map((user) => (user.id === userId ? { ...user, ...patch } : user)),
  });

  const findUser = (vault: VaultDocument, userId: string): VaultUserRecord => {
    const user = vault.users.find((candidate) => candidate.id === userId);
    if (user === undefined) throw new HandlerError('not_found', 'no such user');
    return user;
  };

  const assertHolder = (vault: VaultDocument, holder: KeyHolder): void => {
    if (vault.vaultId !== holder.vaultId) throw new HandlerError('conflict', 'the session belongs to another vault');
  };

  const failure = (lockout: LockoutState): { next: LockoutState; lockoutStarted: boolean } => {
    const next = registerFailure(lockout, now());
    return { next, lockoutStarted: next.lockedUntil !== null };
  };

  const isReset = (lockout: LockoutState): boolean => lockout.failedAttempts === 0 && lockout.lockedUntil === null;

  return {
    filePath,

    read: () => readVaultFile(filePath),

    async status() {
      const vault = await readVaultFile(filePath);
      if (vault === null) return { exists: false, vaultId: null, businessName: null, users: [] };
      return {
        exists: true,
        vaultId: vault.vaultId,
        businessName: vault.businessName,
        users: vault.users.filter((user) => !user.disabled).map(toPublicUser),
      };
    },

    create: (input) =>
      exclusive(async () => {
        // A damaged file throws here (io_failed): it must never be mistaken for "no vault".
        if ((await readVaultFile(filePath)) !== null) throw new HandlerError('conflict', 'a vault already exists');
        const createdAt = now();
        const owner: VaultUserRecord = {
          id: randomUUID(),
          name: input.ownerName,
          role: 'owner',
          disabled: false,
          mustChangePassphrase: false,
          createdAt,
          lockout: { ...NO_LOCKOUT },
        };
        const dataKey = await generateDataKey();
        const recoveryKey = generateRecoveryKey();
        const canonicalRecovery = normaliseRecoveryKey(recoveryKey);
        if (canonicalRecovery === null) throw new Error('generated recovery key does not normalise');
        const ownerSlot = await newSlot(owner.id, dataKey, input.passphrase);
        const recoverySlot = await newSlot(RECOVERY_SLOT_OWNER, dataKey, canonicalRecovery);
        const vault: VaultDocument = {
          formatVersion: VAULT_FORMAT_VERSION,
          vaultId: randomUUID(),
          createdAt,
          businessName: input.businessName,
          users: [owner],
          slots: [ownerSlot, recoverySlot],
          settings: { autoLockMinutes: DEFAULT_AUTO_LOCK_MINUTES, healthNotesEnabled: false, csvSeparator: ';', retentionReviewMonths: DEFAULT_RETENTION_REVIEW_MONTHS },
          recoveryLockout: { ...NO_LOCKOUT },
        };
        // Both slots are proven from the file as written before the recovery key is shown: a
        // recovery key that does not work would only be found out when it is needed.
        await writeVerified(
          vault,
          [
            { slotId: ownerSlot.id, secret: input.passphrase },
            { slotId: recoverySlot.id, secret: canonicalRecovery },
          ],
          await exportDataKey(dataKey),
        );
        return { vaultId: vault.vaultId, owner, dataKey, recoveryKey };
      }),

    unlock: (userId, passphrase) =>
      exclusive(async (): Promise<UnlockOutcome> => {
        const vault = await load();
        const user = vault.users.find((candidate) => candidate.id === userId);
        if (user === undefined) return { status: 'unavailable', reason: 'unknown_user' };
        if (user.disabled) return { status: 'unavailable', reason: 'disabled' };
        // Refused before any KDF work: a locked-out user's passphrase is not even tried.
        const wait = retryAt(user.lockout, now());
        if (wait !== null) return { status: 'locked_out', retryAt: wait };

        const opened = await openAny(
          vault.slots.filter((slot) => slot.owner === userId),
          passphrase,
        );
        if (opened.kind === 'no_usable_slot') return { status: 'unavailable', reason: 'weak_slot' };
        if (opened.kind === 'wrong') {
          const { next, lockoutStarted } = failure(user.lockout);
          await write(withUser(vault, userId, { lockout: next }));
          return { status: 'wrong_passphrase', failedAttempts: next.failedAttempts, retryAt: next.lockedUntil, lockoutStarted };
        }
        let current = vault;
        if (!isReset(user.lockout)) {
          current = withUser(vault, userId, { lockout: { ...NO_LOCKOUT } });
          await write(current);
        }
        await upgradeIfWeak(current, opened.slot, passphrase, opened.dataKey);
        return { status: 'ok', vaultId: vault.vaultId, user: { ...user, lockout: { ...NO_LOCKOUT } }, dataKey: opened.dataKey };
      }),

    isUserPassphrase: (userId, passphrase) =>
      exclusive(async () => {
        const vault = await load();
        return (await openAny(vault.slots.filter((slot) => slot.owner === userId), passphrase)).kind === 'ok';
      }),

    unlockWithRecoveryKey: (recoveryKey) =>
      exclusive(async (): Promise<UnlockOutcome> => {
        const vault = await load();
        const wait = retryAt(vault.recoveryLockout, now());
        if (wait !== null) return { status: 'locked_out', retryAt: wait };
        // Not a guess at all (wrong length, a symbol outside the alphabet): no KDF, no count.
        const canonical = normaliseRecoveryKey(recoveryKey);
        if (canonical === null) throw new HandlerError('invalid_request', 'not a recovery key');
        const owner = vault.users.find(isActiveOwner);
        if (owner === undefined) return { status: 'unavailable', reason: 'no_owner' };

        const opened = await openAny(
          vault.slots.filter((slot) => slot.owner === RECOVERY_SLOT_OWNER),
          canonical,
        );
        if (opened.kind === 'no_usable_slot') return { status: 'unavailable', reason: 'weak_slot' };
        if (opened.kind === 'wrong') {
          const { next, lockoutStarted } = failure(vault.recoveryLockout);
          await write({ ...vault, recoveryLockout: next });
          return { status: 'wrong_passphrase', failedAttempts: next.failedAttempts, retryAt: next.lockedUntil, lockoutStarted };
        }
        let current = vault;
        if (!isReset(vault.recoveryLockout)) {
          current = { ...vault, recoveryLockout: { ...NO_LOCKOUT } };
          await write(current);
        }
        await upgradeIfWeak(current, opened.slot, canonical, opened.dataKey);
        return { status: 'ok', vaultId: vault.vaultId, user: owner, dataKey: opened.dataKey };
      }),

    changePassphrase: (input) =>
      exclusive(async (): Promise<ChangePassphraseOutcome> => {
        const vault = await load();
        assertHolder(vault, input.holder);
        const user = vault.users.find((candidate) => candidate.id === input.userId);
        if (user === undefined || user.disabled) throw new HandlerError('conflict', 'the user is no longer active');
        const sessionKey = await exportDataKey(input.holder.dataKey);
        const userSlots = vault.slots.filter((slot) => slot.owner === user.id);

        if (input.requireCurrent) {
          if (input.currentPassphrase === undefined) throw new HandlerError('invalid_request', 'current passphrase required');
          const wait = retryAt(user.lockout, now());
          if (wait !== null) return { status: 'locked_out', retryAt: wait };
          const opened = await openAny(userSlots, input.currentPassphrase);
          if (opened.kind === 'no_usable_slot') throw new HandlerError('conflict', 'no usable key slot');
          if (opened.kind === 'wrong') {
            // The same guessing oracle as sign-in, so the same friction.
            const { next, lockoutStarted } = failure(user.lockout);
            await write(withUser(vault, user.id, { lockout: next }));
            return { status: 'wrong_passphrase', failedAttempts: next.failedAttempts, lockoutStarted };
          }
          if (!equalBytes(await exportDataKey(opened.dataKey), sessionKey)) {
            throw new HandlerError('conflict', 'the slot opens to another key than the session holds');
          }
          if (equalBytes(secretBytes(input.currentPassphrase), secretBytes(input.newPassphrase))) {
            throw new HandlerError('conflict', 'the new passphrase is the current one');
          }
        } else if ((await openAny(userSlots, input.newPassphrase)).kind === 'ok') {
          // A one-time passphrase must really be replaced: the owner who set it knows it.
          throw new HandlerError('conflict', 'the new passphrase is the current one');
        }

        // Step 1: the new slot next to the old ones, read back and proven.
        const added = await newSlot(user.id, input.holder.dataKey, input.newPassphrase);
        const reread = await writeVerified(
          { ...vault, slots: [...vault.slots, added] },
          [{ slotId: added.id, secret: input.newPassphrase }],
          sessionKey,
        );
        // A crash here leaves both slots: the old and the new passphrase both open the vault.
        // Step 2: only now the user's other slots go.
        const finished = withUser(
          { ...reread, slots: reread.slots.filter((slot) => slot.owner !== user.id || slot.id === added.id) },
          user.id,
          { mustChangePassphrase: false, lockout: { ...NO_LOCKOUT } },
        );
        assertOwnerRemains(finished);
        await write(finished);
        return { status: 'ok', user: findUser(finished, user.id) };
      }),

    addUser: (holder, input) =>
      exclusive(async () => {
        const vault = await load();
        assertHolder(vault, holder);
        if (vault.users.some((user) => nameKey(user.name) === nameKey(input.name))) {
          throw new HandlerError('conflict', 'a user with this name exists');
        }
        const user: VaultUserRecord = {
          id: randomUUID(),
          name: input.name,
          role: 'receptionist',
          disabled: false,
          mustChangePassphrase: true,
          createdAt: now(),
          lockout: { ...NO_LOCKOUT },
        };
        const slot = await newSlot(user.id, holder.dataKey, input.oneTimePassphrase);
        await writeVerified(
          { ...vault, users: [...vault.users, user], slots: [...vault.slots, slot] },
          [{ slotId: slot.id, secret: input.oneTimePassphrase }],
          await exportDataKey(holder.dataKey),
        );
        return user;
      }),

    setDisabled: (actorId, userId, disabled) =>
      exclusive(async () => {
        const vault = await load();
        const user = findUser(vault, userId);
        if (disabled && userId === actorId) throw new HandlerError('conflict', 'you cannot disable yourself');
        if (user.disabled === disabled) return { user, changed: false };
        const next = withUser(vault, userId, { disabled });
        assertOwnerRemains(next);
        await write(next);
        return { user: findUser(next, userId), changed: true };
      }),

    removeUser: (actorId, userId) =>
      exclusive(async () => {
        const vault = await load();
        findUser(vault, userId);
        if (userId === actorId) throw new HandlerError('conflict', 'you cannot remove yourself');
        const next: VaultDocument = {
          ...vault,
          users: vault.users.filter((user) => user.id !== userId),
          slots: vault.slots.filter((slot) => slot.owner !== userId),
        };
        assertOwnerRemains(next);
        await write(next);
      }),

    listUsers: () => exclusive(async () => (await load()).users),

    replaceRecoveryKey: (holder) =>
      exclusive(async () => {
        const vault = await load();
        assertHolder(vault, holder);
        const recoveryKey = generateRecoveryKey();
        const canonical = normaliseRecoveryKey(recoveryKey);
        if (canonical === null) throw new Error('generated recovery key does not normalise');
        const added = await newSlot(RECOVERY_SLOT_OWNER, holder.dataKey, canonical);
        const reread = await writeVerified(
          { ...vault, slots: [...vault.slots, added] },
          [{ slotId: added.id, secret: canonical }],
          await exportDataKey(holder.dataKey),
        );
        await write({
          ...reread,
          slots: reread.slots.filter((slot) => slot.owner !== RECOVERY_SLOT_OWNER || slot.id === added.id),
          recoveryLockout: { ...NO_LOCKOUT },
        });
        return recoveryKey;
      }),

    settings: () => exclusive(async () => (await load()).settings),

    updateSettings: (settings) =>
      exclusive(async () => {
        const vault = await load();
        const changed = (Object.keys(settings) as (keyof VaultSettings)[]).filter(
          (key) => settings[key] !== undefined && settings[key] !== vault.settings[key],
        );
        if (changed.length === 0) return { settings: vault.settings, changed };
        const next = { ...vault, settings: { ...vault.settings, ...settings } };
        await write(next);
        return { settings: next.settings, changed };
      }),
  };
}
