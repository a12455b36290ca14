import { exportDataKey, type WebCryptoKey } from '../../../shared/crypto/key-slots';
import type { ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { PublicUser, Role, SessionInfo, SignInResult } from '../../../shared/schemas/users';
import { HandlerError } from '../ipc/handler-error';
import { silentLogger, type Logger } from '../logger';
import { appendQuietly, type JournalAppend, type JournalService } from './journal-service';
import { toPublicUser, type CreateVaultInput, type KeyHolder, type UnlockOutcome, type VaultService } from './vault-service';
import { toBase64 } from './vault-file';

/**
 * Main's session: who is signed in, with which role, holding which data key. This, and only
 * this, is where the role the dispatcher checks comes from; nothing the renderer says about
 * itself counts (research K7).
 *
 * The session lives in memory only. Signing out (lock, idle, suspend, screen lock) drops the key
 * reference at once, before anything is awaited, so no request that arrives after a lock can
 * still use it.
 */
export interface ActiveSession extends KeyHolder {
  readonly user: PublicUser;
  /** Extractable: needed to wrap the key into new slots (passphrase change, users, recovery). */
  readonly dataKey: WebCryptoKey;
  /** A one-time passphrase or a recovery-key sign-in: a new passphrase must be set first. */
  readonly mustChangePassphrase: boolean;
}

/** Why a session ended: the contract's lock reasons, a new sign-in replacing it, or the renderer dying. */
export type SignOutReason = ChannelInput<'session.signOut'>['reason'] | 'sign_in' | 'renderer_gone';

export type ChangePassphraseReply = ChannelOutput<'session.changePassphrase'>;

export interface SessionService {
  /** The current session, or null. Synchronous, for the dispatcher's access check. */
  active(): ActiveSession | null;
  /** The current session's role, or null when nobody is signed in. */
  role(): Role | null;
  /** The current session; throws `not_signed_in`, or `forbidden` when `role` is not met. */
  require(role?: Role): ActiveSession;
  /** What the renderer may know about the session (no key). */
  info(): Promise<SessionInfo | null>;
  createVault(input: CreateVaultInput): Promise<ChannelOutput<'vault.create'>>;
  signIn(userId: string, passphrase: string): Promise<SignInResult>;
  recover(recoveryKey: string): Promise<SignInResult>;
  /** Ends the session (if any) and journals `session.locked` with the reason. */
  signOut(reason: SignOutReason): Promise<void>;
  changePassphrase(input: { readonly currentPassphrase?: string | undefined; readonly newPassphrase: string }): Promise<ChangePassphraseReply>;
}

export interface SessionServiceOptions {
  readonly vault: VaultService;
  readonly journal: JournalService;
  readonly logger?: Logger;
}

/** Creates main's session holder on top of the vault and the journal. */
export function createSessionService({ vault, journal, logger = silentLogger }: SessionServiceOptions): SessionService {
  let session: ActiveSession | null = null;

  const record = (input: JournalAppend): Promise<void> => appendQuietly(journal, input, logger);

  const infoOf = async (current: ActiveSession): Promise<SessionInfo> => ({
    vaultId: current.vaultId,
    user: current.user,
    mustChangePassphrase: current.mustChangePassphrase,
    settings: await vault.settings(),
  });

  const requireSession = (role?: Role): ActiveSession => {
    const current = session;
    if (current === null) throw new HandlerError('not_signed_in', 'no session');
    if (role !== undefined && current.user.role !== role) throw new HandlerError('forbidden', 'role not allowed');
    return current;
  };

  const end = async (reason: SignOutReason): Promise<void> => {
    const ended = session;
    if (ended === null) return;
    // Dropped synchronously: from here on no handler can obtain the key.
    session = null;
    await record({ userId: ended.user.id, action: 'session.locked', detail: reason });
  };

  /** Turns a vault outcome into the contract's reply, opening a session on success. */
  const conclude = async (
    outcome: UnlockOutcome,
    attempt: { readonly userId: string | null; readonly viaRecovery: boolean },
  ): Promise<SignInResult> => {
    const detail = attempt.viaRecovery ? 'recovery_key' : null;
    switch (outcome.status) {
      case 'ok': {
        const opened: ActiveSession = {
          vaultId: outcome.vaultId,
          user: toPublicUser(outcome.user),
          dataKey: outcome.dataKey,
          mustChangePassphrase: attempt.viaRecovery || outcome.user.mustChangePassphrase,
        };
        const dataKey = toBase64(await exportDataKey(opened.dataKey));
        session = opened;
        await record({
          userId: opened.user.id,
          action: attempt.viaRecovery ? 'session.recovered' : 'session.signed_in',
          recordId: opened.user.id,
        });
        return { status: 'ok', session: await infoOf(opened), dataKey };
      }
      case 'wrong_passphrase':
        await record({ userId: null, action: 'session.sign_in_failed', recordId: attempt.userId, detail: detail ?? 'wrong_passphrase' });
        if (outcome.lockoutStarted) {
          await record({ userId: null, action: 'session.locked_out', recordId: attempt.userId, detail });
        }
        return { status: 'wrong_passphrase', failedAttempts: outcome.failedAttempts, retryAt: outcome.retryAt };
      case 'locked_out':
        // Not journaled per attempt: refusals cost nothing, and a script could flood the file.
        return { status: 'locked_out', retryAt: outcome.retryAt };
      case 'unavailable':
        if (outcome.reason === 'weak_slot') logger.warn('session.weak_slot', { code: 'kdf_out_of_range' });
        // An unknown id is the caller's string: it is not written anywhere.
        if (outcome.reason !== 'unknown_user') {
          await record({ userId: null, action: 'session.sign_in_failed', recordId: attempt.userId, detail: outcome.reason });
        }
        return { status: 'unavailable' };
    }
  };

  return {
    active: () => session,

    role: () => session?.user.role ?? null,

    require: requireSession,

    async info() {
      const current = session;
      return current === null ? null : infoOf(current);
    },

    async createVault(input) {
      const created = await vault.create(input);
      await end('sign_in');
      const opened: ActiveSession = {
        vaultId: created.vaultId,
        user: toPublicUser(created.owner),
        dataKey: created.dataKey,
        mustChangePassphrase: false,
      };
      session = opened;
      await record({ userId: created.owner.id, action: 'vault.created', recordId: created.vaultId });
      await record({ userId: created.owner.id, action: 'session.signed_in', recordId: created.owner.id });
      return {
        session: await infoOf(opened),
        dataKey: toBase64(await exportDataKey(created.dataKey)),
        recoveryKey: created.recoveryKey,
      };
    },

    async signIn(userId, passphrase) {
      // A sign-in attempt always ends the session before it: it never outlives the lock screen.
      await end('sign_in');
      return conclude(await vault.unlock(userId, passphrase), { userId, viaRecovery: false });
    },

    async recover(recoveryKey) {
      await end('sign_in');
      return conclude(await vault.unlockWithRecoveryKey(recoveryKey), { userId: null, viaRecovery: true });
    },

    signOut: (reason) => end(reason),

    async changePassphrase({ currentPassphrase, newPassphrase }) {
      const current = requireSession();
      const outcome = await vault.changePassphrase({
        userId: current.user.id,
        holder: current,
        newPassphrase,
        currentPassphrase,
        requireCurrent: !current.mustChangePassphrase,
      });
      switch (outcome.status) {
        case 'ok': {
          const updated: ActiveSession = { ...current, mustChangePassphrase: false };
          // Only if the same session is still there (not locked meanwhile).
          if (session === current) session = updated;
          await record({ userId: current.user.id, action: 'session.passphrase_changed', recordId: current.user.id });
          return { status: 'ok', session: await infoOf(updated) };
        }
        case 'wrong_passphrase':
          await record({ userId: current.user.id, action: 'session.sign_in_failed', recordId: current.user.id, detail: 'current_passphrase' });
          if (outcome.lockoutStarted) {
            await record({ userId: current.user.id, action: 'session.locked_out', recordId: current.user.id, detail: 'current_passphrase' });
          }
          return { status: 'wrong_passphrase' };
        case 'locked_out':
          return { status: 'locked_out', retryAt: outcome.retryAt };
      }
    },
  };
}
