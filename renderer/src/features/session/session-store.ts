import type { Business } from '../../../../shared/schemas/business';
import { CustomerRepository } from '../../db/customer-repository';
import type { KirjuriDatabase, VaultMetaRow, VaultUser } from '../../db/database';
import { KdfDowngradeError } from '../../db/kdf';
import { sealBusiness, loadBusiness } from '../../db/settings-repository';
import { createVault, readVaultMeta, unlockVault, UserUnavailableError, WrongPassphraseError } from '../../db/vault';

/**
 * Where the app is: first start, locked, or unlocked with a decrypted register. Unlocked state
 * (the repository and its key) exists only inside the `unlocked` variant, so locking — replacing
 * the state — is what removes customer data from memory and, by unmounting, from the screen.
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'setup' }
  | { status: 'locked'; meta: VaultMetaRow; reason?: 'manual' | 'suspend' | 'screen-lock' | 'menu' }
  | { status: 'unlocked'; meta: VaultMetaRow; user: VaultUser; business: Business | null; customers: CustomerRepository }
  | { status: 'failed' };

export type UnlockOutcome = 'ok' | 'wrong_passphrase' | 'weak_slot' | 'user_unavailable' | 'failed';

export interface SetupInput {
  business: Business;
  ownerName: string;
  passphrase: string;
}

type Listener = () => void;

export class SessionStore {
  private state: SessionState = { status: 'loading' };
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly db: KirjuriDatabase,
    /** Test-only override of the KDF cost (never below the floor, which the KDF enforces). */
    private readonly iterations?: number,
  ) {}

  getState = (): SessionState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async init(): Promise<void> {
    try {
      const meta = await readVaultMeta(this.db);
      this.set(meta ? { status: 'locked', meta } : { status: 'setup' });
    } catch {
      this.set({ status: 'failed' });
    }
  }

  /** First start: creates the vault, the owner's key slot and the sealed business details at once. */
  async setup(input: SetupInput): Promise<boolean> {
    try {
      const session = await createVault(
        this.db,
        { businessName: input.business.name, ownerName: input.ownerName, passphrase: input.passphrase, iterations: this.iterations },
        async (key) => [await sealBusiness(key, input.business)],
      );
      const meta = await readVaultMeta(this.db);
      if (!meta) return false;
      const customers = await CustomerRepository.open(this.db, session.dataKey);
      this.set({ status: 'unlocked', meta, user: session.user, business: input.business, customers });
      return true;
    } catch {
      return false;
    }
  }

  async unlock(userId: string, passphrase: string): Promise<UnlockOutcome> {
    if (this.state.status !== 'locked') return 'failed';
    try {
      const session = await unlockVault(this.db, userId, passphrase);
      const [business, customers] = await Promise.all([
        loadBusiness(this.db, session.dataKey),
        CustomerRepository.open(this.db, session.dataKey),
      ]);
      const meta = (await readVaultMeta(this.db)) ?? this.state.meta;
      this.set({ status: 'unlocked', meta, user: session.user, business, customers });
      return 'ok';
    } catch (error) {
      if (error instanceof WrongPassphraseError) return 'wrong_passphrase';
      if (error instanceof KdfDowngradeError) return 'weak_slot';
      if (error instanceof UserUnavailableError) return 'user_unavailable';
      return 'failed';
    }
  }

  /** Drops the key and every decrypted record; the UI returns to the sign-in screen. */
  async lock(reason: 'manual' | 'suspend' | 'screen-lock' | 'menu' = 'manual'): Promise<void> {
    const current = this.state;
    if (current.status !== 'unlocked') return;
    this.set({ status: 'locked', meta: current.meta, reason });
    await current.customers.close();
  }

  private set(next: SessionState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
