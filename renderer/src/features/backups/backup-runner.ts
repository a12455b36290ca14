import type { BackupEntry, BackupStatus } from '../../../../shared/schemas/backup';
import type { ErrorCode } from '../../../../shared/ipc/result';
import { buildRegisterBackup, type BackupSource } from '../../db/backup-document';
import { invoke, onMainEvent } from '../../ipc/client';

/**
 * Makes the salon's backups from the open register (issue 6).
 *
 * Main decides when a scheduled backup is due (daily, at a set time, after N changes) and hands
 * out a single-use token; this runner asks it now and then, counts the register's changes since
 * the last backup, supplies the document when one is due, and answers main's `backups.closing`
 * at once. The owner's "back up now" and the pre-restore backup go through the same place, so
 * that after any verified backup the change count starts again and merges become final (their
 * undo records describe a state the backup no longer needs to reach back to).
 */
export type BackupOutcome = { readonly ok: true; readonly entry: BackupEntry } | { readonly ok: false; readonly code: ErrorCode };

export interface BackupRunnerOptions {
  /** How often main is asked whether a backup is due. */
  readonly pollMs?: number;
  /** The first question, a little after sign-in (not at once: the appointments are still loading). */
  readonly firstPollMs?: number;
}

type Listener = () => void;

export class BackupRunner {
  private changes = 0;
  private status: BackupStatus | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<Listener>();
  private stopped = false;

  constructor(
    private current: BackupSource,
    private readonly options: BackupRunnerOptions = {},
  ) {}

  /** The open register and what goes with it into a backup, as of now. */
  source = (): BackupSource => this.current;

  /** The session's state moved on (settings changed, app version known): the next backup uses it. */
  setSource(source: BackupSource): void {
    this.current = source;
  }

  /** Changes since the last verified backup (what `backups.due` is told). */
  get changeCount(): number {
    return this.changes;
  }

  /** Main's latest word on the backups (null until asked). */
  get currentStatus(): BackupStatus | null {
    return this.status;
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Counts changes, polls main and answers closing backups until the returned function is called. */
  start(): () => void {
    const { register } = this.source();
    const count = () => {
      this.changes += 1;
    };
    // Counted once the appointments have loaded: their arrival is not a change.
    const unsubscribe: (() => void)[] = [];
    void register.appointments.ready.then(
      () => {
        if (!this.stopped) unsubscribe.push(register.customers.subscribe(count), register.services.subscribe(count), register.appointments.subscribe(count));
      },
      () => undefined,
    );
    const offClosing = onMainEvent('backups.closing', ({ token }) => void this.run(token));
    void this.refreshStatus();
    const first = setTimeout(() => void this.check(), this.options.firstPollMs ?? 5_000);
    const timer = setInterval(() => void this.check(), this.options.pollMs ?? 60_000);
    return () => {
      this.stopped = true;
      clearTimeout(first);
      clearInterval(timer);
      offClosing();
      for (const off of unsubscribe) off();
    };
  }

  /** Asks main whether a backup is due and makes it when it is; the entry, or null when none was due. */
  async check(): Promise<BackupOutcome | null> {
    if (this.stopped) return null;
    const due = await invoke('backups.due', { changes: this.changes });
    if (!due.ok || due.value.token === null) {
      await this.refreshStatus();
      return null;
    }
    return this.run(due.value.token);
  }

  /** A backup the owner asked for (`manual`), or the current data before a restore. */
  backUpNow(kind: 'manual' | 'pre-restore'): Promise<BackupOutcome> {
    return this.serialised(async () => {
      const { text } = await buildRegisterBackup(this.source());
      return invoke('backups.create', { document: text, kind });
    });
  }

  /** A restore replaced the register: nothing of it is unsaved any more. */
  restored(): void {
    this.changes = 0;
    void this.refreshStatus();
  }

  async refreshStatus(): Promise<BackupStatus | null> {
    const status = await invoke('backups.status', undefined);
    if (status.ok && !this.stopped) {
      this.status = status.value;
      for (const listener of this.listeners) listener();
    }
    return this.status;
  }

  private run(token: string): Promise<BackupOutcome> {
    return this.serialised(async () => {
      const { text } = await buildRegisterBackup(this.source());
      return invoke('backups.runDue', { token, document: text });
    });
  }

  /** One backup at a time; a verified one resets the count and makes merges final. */
  private serialised(make: () => Promise<Awaited<ReturnType<typeof invoke<'backups.create'>>>>): Promise<BackupOutcome> {
    const changesBefore = this.changes;
    const next = this.running.then(async (): Promise<BackupOutcome> => {
      let outcome: BackupOutcome;
      try {
        const result = await make();
        outcome = result.ok ? { ok: true, entry: result.value } : { ok: false, code: result.error.code };
      } catch {
        outcome = { ok: false, code: 'internal' };
      }
      if (outcome.ok && outcome.entry.verified) {
        // Changes made while the backup was being written are not in it: they still count.
        this.changes = Math.max(0, this.changes - changesBefore);
        await this.source()
          .register.clearMergeHistory()
          .catch(() => undefined);
      }
      await this.refreshStatus();
      return outcome;
    });
    this.running = next.catch(() => undefined);
    return next;
  }
}
