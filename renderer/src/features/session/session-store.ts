import type { ChannelOutput } from '../../../../shared/ipc/contract';
import type { Business } from '../../../../shared/schemas/business';
import type { RegisterSettings, SessionInfo, SignInResult } from '../../../../shared/schemas/users';
import { Register } from '../../db/register';
import type { KirjuriDatabase } from '../../db/database';
import { importDataKey } from '../../db/data-key';
import { loadBusiness, sealBusiness } from '../../db/settings-repository';
import { invoke } from '../../ipc/client';

/**
 * Where the app is: first start, locked, or unlocked with a decrypted register.
 *
 * Main is the authority for who is signed in (it holds the key slots, checks passphrases, counts
 * failures and knows the role); the renderer receives the data key of a successful sign-in and
 * keeps it, with every decrypted record, only inside the `unlocked` (or must-change) state.
 * Locking replaces the state — which is what removes customer data from memory and, by
 * unmounting, from the screen — and ends main's session.
 */
export type VaultStatus = ChannelOutput<'vault.status'>;
export type LockReason = 'manual' | 'idle' | 'suspend' | 'screen-lock' | 'menu';

export interface UnlockedState {
  status: 'unlocked';
  vault: VaultStatus;
  session: SessionInfo;
  business: Business | null;
  /** Every decrypted store of the session (customers, services, appointments). */
  register: Register;
  /**
   * The database and the session's data key, for small sealed stores outside the register (the
   * import's remembered column mappings). Dropped with this state when the register locks.
   */
  db: KirjuriDatabase;
  dataKey: CryptoKey;
}

export type SessionState =
  | { status: 'loading' }
  | { status: 'setup' }
  | { status: 'locked'; vault: VaultStatus; reason?: LockReason }
  /** Setup done: the recovery key is shown once and must be confirmed before work starts. */
  | { status: 'recovery-key'; recoveryKey: string; next: UnlockedState }
  /** Signed in with a one-time passphrase or the recovery key: a new passphrase comes first. */
  | { status: 'must-change'; vault: VaultStatus; session: SessionInfo; dataKey: CryptoKey }
  | UnlockedState
  | { status: 'failed'; reason: 'vault_unreadable' | 'key_missing' | 'wrong_vault' | 'internal' };

export type UnlockOutcome =
  | { kind: 'ok' }
  | { kind: 'wrong_passphrase'; failedAttempts: number; retryAt: number | null }
  | { kind: 'locked_out'; retryAt: number }
  | { kind: 'unavailable' }
  | { kind: 'failed' };

export interface SetupInput {
  business: Business;
  ownerName: string;
  passphrase: string;
  /** The passphrase backups are encrypted with (may be the owner's; the setup screen explains the trade-off). */
  backupPassphrase?: string;
}

type Listener = () => void;

export class SessionStore {
  private state: SessionState = { status: 'loading' };
  private readonly listeners = new Set<Listener>();

  constructor(private readonly db: KirjuriDatabase) {}

  getState = (): SessionState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async init(): Promise<void> {
    // A reload has lost the data key: make sure main's session is gone as well.
    await invoke('session.signOut', { reason: 'startup' });
    const status = await invoke('vault.status', undefined);
    if (!status.ok) return this.set({ status: 'failed', reason: 'vault_unreadable' });
    if (status.value.exists) return this.set({ status: 'locked', vault: status.value });
    // No key file, but encrypted data: offering setup would create a new key and orphan the data.
    const hasData = (await this.db.pages.count()) > 0;
    this.set(hasData ? { status: 'failed', reason: 'key_missing' } : { status: 'setup' });
  }

  /** First start: main creates the key and the owner; the business details are sealed here. */
  async setup(input: SetupInput): Promise<boolean> {
    const created = await invoke('vault.create', { businessName: input.business.name, ownerName: input.ownerName, passphrase: input.passphrase });
    if (!created.ok) return false;
    try {
      const dataKey = await importDataKey(created.value.dataKey);
      const businessPage = await sealBusiness(dataKey, input.business);
      await this.db.transaction('rw', this.db.meta, this.db.pages, async () => {
        await this.db.meta.put({ id: 'vault', vaultId: created.value.session.vaultId, createdAt: Date.now() });
        await this.db.pages.put(businessPage);
      });
      // Not fatal when it fails: the backups screen then asks for it, and the owner is warned.
      if (input.backupPassphrase !== undefined) await invoke('backups.setPassphrase', { passphrase: input.backupPassphrase });
      const vault = await this.vaultStatus();
      const register = await Register.open(this.db, dataKey, actorOf(created.value.session));
      const next: UnlockedState = { status: 'unlocked', vault, session: created.value.session, business: input.business, register, db: this.db, dataKey };
      this.set({ status: 'recovery-key', recoveryKey: created.value.recoveryKey, next });
      return true;
    } catch {
      await invoke('session.signOut', { reason: 'manual' });
      return false;
    }
  }

  /** The owner has written the recovery key down (and typed part of it back). */
  confirmRecoveryKey(): void {
    if (this.state.status === 'recovery-key') this.set(this.state.next);
  }

  unlock(userId: string, passphrase: string): Promise<UnlockOutcome> {
    return this.signIn(invoke('session.signIn', { userId, passphrase }));
  }

  recover(recoveryKey: string): Promise<UnlockOutcome> {
    return this.signIn(invoke('session.recover', { recoveryKey }));
  }

  /**
   * Sets a new passphrase for the signed-in user. From the must-change state it also opens the
   * register; otherwise `currentPassphrase` proves it is still the same person at the desk.
   */
  async changePassphrase(
    newPassphrase: string,
    currentPassphrase?: string,
  ): Promise<'ok' | 'wrong_passphrase' | 'locked_out' | 'same_passphrase' | 'failed'> {
    const result = await invoke('session.changePassphrase', { newPassphrase, ...(currentPassphrase === undefined ? {} : { currentPassphrase }) });
    // `conflict` is main refusing the current (or one-time) passphrase as the new one.
    if (!result.ok) return result.error.code === 'conflict' ? 'same_passphrase' : 'failed';
    if (result.value.status !== 'ok') return result.value.status;
    const current = this.state;
    if (current.status === 'must-change') {
      try {
        await this.open(current.vault, result.value.session, current.dataKey);
      } catch {
        return 'failed';
      }
    } else if (current.status === 'unlocked') {
      this.set({ ...current, session: result.value.session });
    }
    return 'ok';
  }

  /** The owner changed settings (auto-lock time, health notes): the running session follows at once. */
  settingsChanged(settings: RegisterSettings): void {
    const current = this.state;
    if (current.status === 'unlocked') this.set({ ...current, session: { ...current.session, settings } });
  }

  /** Drops the key and every decrypted record, ends main's session, shows the sign-in screen. */
  async lock(reason: LockReason = 'manual'): Promise<void> {
    const current = this.state;
    if (current.status !== 'unlocked' && current.status !== 'must-change' && current.status !== 'recovery-key') return;
    const vault = current.status === 'recovery-key' ? current.next.vault : current.vault;
    this.set({ status: 'locked', vault, reason });
    // Main's session ends at once, not after the repository has compacted and closed: until then
    // main would still accept calls that need a session.
    const register = current.status === 'unlocked' ? current.register : current.status === 'recovery-key' ? current.next.register : null;
    await Promise.all([invoke('session.signOut', { reason }), register?.close()]);
    const refreshed = await invoke('vault.status', undefined);
    if (refreshed.ok && this.state.status === 'locked') this.set({ status: 'locked', vault: refreshed.value, reason });
  }

  private async signIn(request: Promise<Awaited<ReturnType<typeof invoke<'session.signIn'>>>>): Promise<UnlockOutcome> {
    if (this.state.status !== 'locked') return { kind: 'failed' };
    const vault = this.state.vault;
    const reply = await request;
    if (!reply.ok) return { kind: 'failed' };
    const result: SignInResult = reply.value;
    if (result.status === 'wrong_passphrase') return { kind: 'wrong_passphrase', failedAttempts: result.failedAttempts, retryAt: result.retryAt };
    if (result.status === 'locked_out') return { kind: 'locked_out', retryAt: result.retryAt };
    if (result.status === 'unavailable') return { kind: 'unavailable' };
    try {
      const dataKey = await importDataKey(result.dataKey);
      if (result.session.mustChangePassphrase) {
        this.set({ status: 'must-change', vault, session: result.session, dataKey });
      } else {
        await this.open(vault, result.session, dataKey);
      }
      return { kind: 'ok' };
    } catch {
      await invoke('session.signOut', { reason: 'manual' });
      return { kind: 'failed' };
    }
  }

  /** Decrypts the register with the session's key, after checking the pages are this vault's. */
  private async open(vault: VaultStatus, session: SessionInfo, dataKey: CryptoKey): Promise<void> {
    const meta = await this.db.meta.get('vault');
    if (meta && meta.vaultId !== session.vaultId) {
      this.set({ status: 'failed', reason: 'wrong_vault' });
      throw new Error('pages belong to another vault');
    }
    if (!meta) await this.db.meta.put({ id: 'vault', vaultId: session.vaultId, createdAt: Date.now() });
    const [business, register] = await Promise.all([loadBusiness(this.db, dataKey), Register.open(this.db, dataKey, actorOf(session))]);
    this.set({ status: 'unlocked', vault, session, business, register, db: this.db, dataKey });
  }

  private async vaultStatus(): Promise<VaultStatus> {
    const status = await invoke('vault.status', undefined);
    if (!status.ok) throw new Error('vault status unavailable');
    return status.value;
  }

  private set(next: SessionState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

/** Who the data layer records as author, and what it lets them do: main's answer, not ours. */
const actorOf = (session: SessionInfo) => ({ userId: session.user.id, role: session.user.role });
