import type { StagedWrite } from './sealed-page-store';

/**
 * What every repository offers the screens: `version` changes with every change, and listeners
 * hear of it (React reads both through useSyncExternalStore).
 */
export class Subscribable {
  private readonly listeners = new Set<() => void>();
  private revision = 0;

  get version(): number {
    return this.revision;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected changed(): void {
    this.revision += 1;
    for (const listener of this.listeners) listener();
  }

  protected forgetListeners(): void {
    this.listeners.clear();
  }

  /** The staged write, telling the listeners once it has been applied (after the commit). */
  protected notifying(staged: StagedWrite): StagedWrite {
    return {
      ...staged,
      apply: () => {
        staged.apply();
        this.changed();
      },
    };
  }
}

/** Several stores' staged parts as one (they commit together anyway; this keeps signatures short). */
export function combineStaged(parts: readonly StagedWrite[]): StagedWrite {
  return {
    puts: parts.flatMap((part) => part.puts),
    deletes: parts.flatMap((part) => part.deletes),
    apply: () => {
      for (const part of parts) part.apply();
    },
  };
}
