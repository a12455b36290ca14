/**
 * Backup rotation (issue 6): grandfather–father–son. Of the verified backups, keep the newest of
 * each of the last `daily` days that have one, of each of the last `weekly` ISO weeks, and of each
 * of the last `monthly` months; the newest verified backup is always kept, whatever the policy.
 * A backup that failed verification is no backup: it is deleted once a newer verified one exists
 * (and kept while none does, as the only evidence there is).
 *
 * A pinned backup (the copy of the register made just before a restore, while that restore may
 * still need undoing) is kept whatever the policy, and does not use up a day, week or month.
 *
 * Days, weeks and months are the salon's local ones (the computer's time zone).
 */
export interface RotationPolicy {
  readonly daily: number;
  readonly weekly: number;
  readonly monthly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

export interface RotatableBackup {
  readonly name: string;
  /** Epoch ms. */
  readonly createdAt: number;
  readonly verified: boolean;
  /** Kept whatever the policy (see above). */
  readonly pinned?: boolean;
}

const dayKey = (at: number): string => {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
};

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
const weekKey = (at: number): string => {
  const d = new Date(at);
  const date = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  // Move to the Thursday of this week: its year is the ISO year.
  date.setUTCDate(date.getUTCDate() + 4 - (date.getUTCDay() || 7));
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${week}`;
};

const monthKey = (at: number): string => {
  const d = new Date(at);
  return `${d.getFullYear()}-${d.getMonth()}`;
};

/** Names of the backups to keep and to delete under `policy`. */
export function planRotation(backups: readonly RotatableBackup[], policy: RotationPolicy = DEFAULT_ROTATION): { keep: string[]; remove: string[] } {
  const newestFirst = [...backups].sort((a, b) => b.createdAt - a.createdAt || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>(newestFirst.filter((backup) => backup.pinned === true && backup.verified).map((backup) => backup.name));
  const newest = newestFirst.find((backup) => backup.verified);
  if (newest) keep.add(newest.name);
  const verified = newestFirst.filter((backup) => backup.verified && backup.pinned !== true);
  for (const [limit, key] of [
    [policy.daily, dayKey],
    [policy.weekly, weekKey],
    [policy.monthly, monthKey],
  ] as const) {
    const seen = new Set<string>();
    for (const backup of verified) {
      const bucket = key(backup.createdAt);
      if (seen.has(bucket)) continue;
      if (seen.size >= limit) break;
      seen.add(bucket);
      keep.add(backup.name);
    }
  }
  const newestVerifiedAt = newest?.createdAt ?? null;
  for (const backup of newestFirst) {
    if (!backup.verified && (newestVerifiedAt === null || backup.createdAt > newestVerifiedAt)) keep.add(backup.name);
  }
  return {
    keep: newestFirst.filter((backup) => keep.has(backup.name)).map((backup) => backup.name),
    remove: newestFirst.filter((backup) => !keep.has(backup.name)).map((backup) => backup.name),
  };
}
