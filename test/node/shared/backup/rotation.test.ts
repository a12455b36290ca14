import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ROTATION, planRotation, type RotatableBackup, type RotationPolicy } from '../../../../shared/backup/rotation';
import { seededRandom } from '../../../../shared/domain/demo-data';

/**
 * Backup rotation (grandfather–father–son in the salon's local time).
 *
 * Time zones: every backup here is made from local calendar parts (`new Date(y, m, d, h, min)`)
 * and every expectation is written in local calendar dates, so the assertions mean the same in
 * any zone. The simulation is then run under several zones, set through `process.env.TZ` before
 * any of its dates are made (Node re-reads the zone when TZ changes; restored afterwards): the
 * machine's own (often UTC, no DST at all), Europe/Helsinki (the salon's, DST at 03:00/04:00),
 * America/New_York (DST at 02:00), Australia/Lord_Howe (a 30-minute DST shift) and
 * Pacific/Kiritimati (UTC+14, where local and UTC dates differ most of the day).
 */
interface Made extends RotatableBackup {
  /** The local date and time it was meant for: `2026-03-29 0330`. */
  readonly label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateLabel = (y: number, m: number, d: number) => `${y}-${pad(m + 1)}-${pad(d)}`;

function backup(y: number, m: number, d: number, h: number, min: number, verified = true): Made {
  const label = `${dateLabel(y, m, d)} ${pad(h)}${pad(min)}${verified ? '' : ' failed'}`;
  return { name: `kirjuri-${label.replaceAll(' ', '-')}.age`, label, createdAt: new Date(y, m, d, h, min).getTime(), verified };
}

const names = (backups: readonly RotatableBackup[]) => backups.map((b) => b.name);

describe('planRotation: the rules one by one', () => {
  it('keeps nothing and removes nothing in an empty folder', () => {
    expect(planRotation([])).toEqual({ keep: [], remove: [] });
  });

  it('uses 7 daily, 4 weekly and 12 monthly by default', () => {
    expect(DEFAULT_ROTATION).toEqual({ daily: 7, weekly: 4, monthly: 12 });
  });

  it('keeps the newest of each day only, newest first in the answer', () => {
    const morning = backup(2026, 5, 10, 9, 0);
    const evening = backup(2026, 5, 10, 18, 30);
    const nextDay = backup(2026, 5, 11, 0, 30);
    expect(planRotation([morning, nextDay, evening])).toEqual({ keep: names([nextDay, evening]), remove: names([morning]) });
  });

  it('splits days at local midnight: 23:30 and 00:30 an hour apart are two days, 00:10 and 23:50 are one', () => {
    const policy = { daily: 2, weekly: 0, monthly: 0 };
    const late = backup(2026, 1, 3, 23, 30);
    const early = backup(2026, 1, 4, 0, 30);
    expect(planRotation([late, early], policy).keep).toEqual(names([early, late]));
    const first = backup(2026, 1, 5, 0, 10);
    const last = backup(2026, 1, 5, 23, 50);
    expect(planRotation([first, last], policy)).toEqual({ keep: names([last]), remove: names([first]) });
  });

  it('counts ISO weeks from Monday, across the turn of the year (2026 has a week 53)', () => {
    const policy = { daily: 0, weekly: 3, monthly: 0 };
    const sunday53 = backup(2027, 0, 3, 12, 0); // Sun 3.1.2027: still 2026-W53
    const friday53 = backup(2027, 0, 1, 12, 0);
    const monday53 = backup(2026, 11, 28, 12, 0);
    const sunday52 = backup(2026, 11, 27, 12, 0);
    const monday1 = backup(2027, 0, 4, 8, 0); // Mon 4.1.2027: 2027-W01
    const saturday51 = backup(2026, 11, 19, 12, 0);
    const plan = planRotation([friday53, sunday52, monday1, saturday51, monday53, sunday53], policy);
    expect(plan.keep).toEqual(names([monday1, sunday53, sunday52]));
    expect(plan.remove).toEqual(names([friday53, monday53, saturday51]));
  });

  it('puts the last days of December into week 1 of the next year when the ISO calendar does', () => {
    // Mon 29.12.2025 – Sun 4.1.2026 is 2026-W01; Sun 28.12.2025 is 2025-W52.
    const policy = { daily: 0, weekly: 2, monthly: 0 };
    const plan = planRotation([backup(2025, 11, 28, 10, 0), backup(2025, 11, 29, 10, 0), backup(2026, 0, 2, 10, 0)], policy);
    expect(plan.keep).toEqual(names([backup(2026, 0, 2, 10, 0), backup(2025, 11, 28, 10, 0)]));
  });

  it('counts calendar months', () => {
    const policy = { daily: 0, weekly: 0, monthly: 2 };
    const plan = planRotation([backup(2026, 0, 31, 23, 0), backup(2026, 1, 1, 1, 0), backup(2026, 1, 28, 9, 0), backup(2025, 11, 31, 9, 0)], policy);
    expect(plan.keep).toEqual(names([backup(2026, 1, 28, 9, 0), backup(2026, 0, 31, 23, 0)]));
  });

  it('counts the last days (weeks, months) that have a verified backup, not calendar days', () => {
    const policy = { daily: 2, weekly: 0, monthly: 0 };
    const longAgo = backup(2025, 0, 1, 10, 0);
    const recent = backup(2026, 5, 1, 10, 0);
    expect(planRotation([longAgo, recent], policy).keep).toEqual(names([recent, longAgo]));
  });

  it('keeps a pinned backup whatever the policy, without it using up its day', () => {
    const policy = { daily: 1, weekly: 0, monthly: 0 };
    const morning = backup(2026, 5, 10, 9, 0);
    const pinned = { ...backup(2026, 5, 10, 12, 0), pinned: true };
    const evening = backup(2026, 5, 10, 18, 0);
    const yesterday = backup(2026, 5, 9, 18, 0);
    expect(planRotation([morning, pinned, evening, yesterday], policy)).toEqual({ keep: names([evening, pinned]), remove: names([morning, yesterday]) });
    // Pinned and newest: kept once; the day's bucket still goes to the newest unpinned one.
    const plan = planRotation([morning, { ...evening, pinned: true }], policy);
    expect(plan).toEqual({ keep: names([evening, morning]), remove: [] });
  });

  it('always keeps the newest verified backup, even under a policy that keeps nothing', () => {
    const older = backup(2026, 5, 1, 10, 0);
    const newest = backup(2026, 5, 2, 10, 0);
    expect(planRotation([older, newest], { daily: 0, weekly: 0, monthly: 0 })).toEqual({ keep: names([newest]), remove: names([older]) });
  });

  it('keeps a failed backup while no newer verified one exists, and removes it once one does', () => {
    const good = backup(2026, 5, 1, 10, 0);
    const failed = backup(2026, 5, 1, 11, 0, false);
    const failedAgain = backup(2026, 5, 2, 10, 0, false);
    expect(planRotation([good, failed, failedAgain]).keep).toEqual(names([failedAgain, failed, good]));
    const goodAgain = backup(2026, 5, 3, 10, 0);
    expect(planRotation([good, failed, failedAgain, goodAgain])).toEqual({ keep: names([goodAgain, good]), remove: names([failedAgain, failed]) });
  });

  it('keeps every failed backup when none has ever verified (they are the only evidence there is)', () => {
    const failed = [backup(2026, 5, 1, 10, 0, false), backup(2026, 5, 1, 11, 0, false), backup(2026, 0, 1, 11, 0, false)];
    expect(planRotation(failed)).toEqual({ keep: names([failed[1]!, failed[0]!, failed[2]!]), remove: [] });
  });

  it('a failed backup does not count as its day, week or month', () => {
    const policy = { daily: 1, weekly: 0, monthly: 0 };
    const good = backup(2026, 5, 1, 10, 0);
    const olderGood = backup(2026, 4, 30, 10, 0);
    const olderFailed = backup(2026, 4, 31, 10, 0, false);
    // Only `good` is kept by the daily rule; the failed one is older than a verified one: removed.
    expect(planRotation([olderGood, olderFailed, good], policy)).toEqual({ keep: names([good]), remove: names([olderFailed, olderGood]) });
  });
});

describe('planRotation: properties over random folders', () => {
  const folder = fc
    .uniqueArray(
      fc.record({
        // About two years of minutes, so that days, weeks and months all repeat.
        minute: fc.integer({ min: 0, max: 2 * 366 * 24 * 60 }),
        verified: fc.nat(3).map((n) => n > 0), // three in four verified
      }),
      { selector: (entry) => entry.minute, maxLength: 60 },
    )
    .map((entries) =>
      entries.map(({ minute, verified }): RotatableBackup => ({ name: `b${String(minute).padStart(7, '0')}`, createdAt: new Date(2025, 0, 1, 0, minute).getTime(), verified })),
    );
  const policy = fc.record({ daily: fc.nat(9), weekly: fc.nat(6), monthly: fc.nat(14) });
  const localDay = (at: number) => new Date(at).toDateString();

  it('splits the folder into keep and remove, with every rule holding', () => {
    fc.assert(
      fc.property(folder, policy, (backups, rules: RotationPolicy) => {
        const plan = planRotation(backups, rules);
        expect([...plan.keep, ...plan.remove].sort()).toEqual(names(backups).sort());
        const kept = new Set(plan.keep);
        const verified = backups.filter((b) => b.verified).sort((a, b) => b.createdAt - a.createdAt);
        const newestVerified = verified[0];
        if (newestVerified) expect(kept.has(newestVerified.name)).toBe(true);
        for (const b of backups.filter((candidate) => !candidate.verified)) {
          expect(kept.has(b.name), b.name).toBe(newestVerified === undefined || b.createdAt > newestVerified.createdAt);
        }
        const keptVerified = verified.filter((b) => kept.has(b.name));
        expect(keptVerified.length).toBeLessThanOrEqual(Math.max(1, rules.daily + rules.weekly + rules.monthly));
        // Whatever rule kept it, a verified backup that is kept is the newest of its local day.
        for (const b of keptVerified) expect(verified.find((other) => localDay(other.createdAt) === localDay(b.createdAt))).toBe(b);
        // The newest `daily` days with a verified backup each keep one.
        const days = [...new Set(verified.map((b) => localDay(b.createdAt)))].slice(0, rules.daily);
        for (const day of days) expect(keptVerified.some((b) => localDay(b.createdAt) === day), day).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('does not depend on the order the files were listed in, and changes nothing when applied again', () => {
    fc.assert(
      fc.property(folder, policy, fc.nat(), (backups, rules: RotationPolicy, seed) => {
        const plan = planRotation(backups, rules);
        const random = seededRandom(seed);
        const shuffled = backups
          .map((b) => [random(), b] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, b]) => b);
        expect(planRotation(shuffled, rules)).toEqual(plan);
        const kept = backups.filter((b) => plan.keep.includes(b.name));
        expect(planRotation(kept, rules)).toEqual({ keep: plan.keep, remove: [] });
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * 400 days of daily backups at a varying hour, rotated after each one as the app does, from
 * Wed 3.12.2025 to Wed 6.1.2027: two DST changes in each hemisphere, a year with an ISO week 53,
 * and ISO weeks that straddle the turn of the year.
 */
const FIRST_DAY: readonly [number, number, number] = [2025, 11, 3];
const DAYS = 400;

/** Days whose backups are at fixed times around the DST changes (local times; some do not exist, some happen twice). */
const FIXED_TIMES: Record<string, readonly (readonly [number, number])[]> = {
  // Europe/Helsinki: 03:00 → 04:00 on Sun 29.3.2026; 04:00 → 03:00 on Sun 25.10.2026.
  '2026-03-28': [[23, 30]],
  '2026-03-29': [[0, 30], [3, 30], [23, 30]],
  '2026-03-30': [[0, 30]],
  '2026-10-24': [[23, 30]],
  '2026-10-25': [[0, 30], [3, 30], [23, 30]],
  '2026-10-26': [[0, 30]],
  // America/New_York: 02:00 → 03:00 on 8.3.2026; 02:00 → 01:00 on 1.11.2026.
  '2026-03-08': [[2, 30]],
  '2026-11-01': [[1, 30], [23, 45]],
  // Australia/Lord_Howe: 02:00 → 01:30 on 5.4.2026; 02:00 → 02:30 on 4.10.2026.
  '2026-04-05': [[1, 45]],
  '2026-10-04': [[2, 15]],
};

/** A disk that was full for three days: every attempt failed verification. */
const FAILED_DAYS = new Set(['2026-12-10', '2026-12-11', '2026-12-12']);

interface Scenario {
  /** Add failed backups: the three failed days, a failed extra attempt on some days, and one at the very end. */
  readonly withFailures: boolean;
}

/** The backups made on day `i` of the simulation (made now, in the current time zone). */
function backupsOfDay(i: number, random: () => number, scenario: Scenario): Made[] {
  const noon = new Date(FIRST_DAY[0], FIRST_DAY[1], FIRST_DAY[2] + i, 12);
  const [y, m, d] = [noon.getFullYear(), noon.getMonth(), noon.getDate()];
  const label = dateLabel(y, m, d);
  const hour = Math.floor(random() * 24);
  const minute = 15 * Math.floor(random() * 4);
  const extra = random();
  const times = FIXED_TIMES[label] ?? (extra < 0.15 ? [[hour, minute], [Math.floor(random() * 24), 5]] : [[hour, minute]]);
  const failedDay = scenario.withFailures && FAILED_DAYS.has(label);
  const made = times.map(([h, min]) => backup(y, m, d, h, min, !failedDay));
  const isLastDay = i === DAYS - 1;
  if (scenario.withFailures && (isLastDay || (!failedDay && random() < 0.1))) {
    // A second attempt later the same day that did not verify (the day's good one is earlier).
    const latest = Math.max(...made.map((b) => b.createdAt));
    const lateHour = Math.min(23, new Date(latest).getHours() + 1);
    if (new Date(y, m, d, lateHour, 55).getTime() > latest) made.push(backup(y, m, d, lateHour, 55, false));
  }
  return made;
}

/** What should be kept, computed the slow, obvious way (ISO weeks by their Monday's date). */
function expectedKeep(backups: readonly Made[]): Set<string> {
  const verified = backups.filter((b) => b.verified).sort((a, b) => b.createdAt - a.createdAt);
  const local = (at: number) => new Date(at);
  const day = (at: number) => local(at).toDateString();
  const monday = (at: number) => {
    const t = local(at);
    return new Date(t.getFullYear(), t.getMonth(), t.getDate() - ((t.getDay() + 6) % 7)).toDateString();
  };
  const month = (at: number) => `${local(at).getFullYear()}-${local(at).getMonth()}`;
  const keep = new Set<string>();
  if (verified[0]) keep.add(verified[0].name);
  for (const [limit, key] of [
    [DEFAULT_ROTATION.daily, day],
    [DEFAULT_ROTATION.weekly, monday],
    [DEFAULT_ROTATION.monthly, month],
  ] as const) {
    const newestOfBucket = new Map<string, Made>();
    for (const b of verified) if (!newestOfBucket.has(key(b.createdAt))) newestOfBucket.set(key(b.createdAt), b);
    for (const b of [...newestOfBucket.values()].slice(0, limit)) keep.add(b.name);
  }
  const newestVerifiedAt = verified[0]?.createdAt ?? -Infinity;
  for (const b of backups) if (!b.verified && b.createdAt > newestVerifiedAt) keep.add(b.name);
  return keep;
}

/** Runs the 400 days; returns the folder after each day, by the day's date. */
function simulate(scenario: Scenario): Map<string, Made[]> {
  const random = seededRandom(400);
  const after = new Map<string, Made[]>();
  let folder: Made[] = [];
  let anyVerified = false;
  for (let i = 0; i < DAYS; i += 1) {
    const made = backupsOfDay(i, random, scenario);
    for (const b of made) {
      // Each backup is rotated right after it is written, as the app does.
      folder = [...folder, b];
      anyVerified ||= b.verified;
      const plan = planRotation(folder);
      expect([...plan.keep, ...plan.remove].sort(), b.label).toEqual(names(folder).sort());
      expect(new Set(plan.keep), b.label).toEqual(expectedKeep(folder));
      folder = folder.filter((kept) => plan.keep.includes(kept.name));
      const verified = folder.filter((kept) => kept.verified);
      const newestVerified = Math.max(...verified.map((kept) => kept.createdAt));
      // The newest verified backup is always there; a failed one only while it is newer than that.
      if (anyVerified) expect(verified.length, b.label).toBeGreaterThan(0);
      for (const failed of folder.filter((kept) => !kept.verified)) expect(failed.createdAt, `${failed.label} kept after ${b.label}`).toBeGreaterThan(newestVerified);
      expect(verified.length, b.label).toBeLessThanOrEqual(DEFAULT_ROTATION.daily + DEFAULT_ROTATION.weekly + DEFAULT_ROTATION.monthly);
    }
    after.set(made[0]!.label.slice(0, 10), [...folder].sort((a, b) => b.createdAt - a.createdAt));
  }
  return after;
}

const labels = (folder: readonly Made[] | undefined) => (folder ?? []).map((b) => b.label);
const dates = (folder: readonly Made[] | undefined) => (folder ?? []).map((b) => b.label.slice(0, 10));

/** The 19 that remain on Wed 6.1.2027: 7 days + 4 ISO weeks + 12 months, less 2 + 2 overlaps. */
const FINAL_DATES = [
  // Days: 31.12. – 6.1.
  '2027-01-06', '2027-01-05', '2027-01-04', '2027-01-03', '2027-01-02', '2027-01-01', '2026-12-31',
  // Weeks: 2027-W01 (6.1., a day already), 2026-W53 (3.1., a day already), W52, W51.
  '2026-12-27', '2026-12-20',
  // Months: January (6.1.) and December (31.12.) are days already; then November back to February.
  '2026-11-30', '2026-10-31', '2026-09-30', '2026-08-31', '2026-07-31', '2026-06-30', '2026-05-31', '2026-04-30', '2026-03-31', '2026-02-28',
];

const MACHINE = 'the machine’s own zone';
const ZONES = [MACHINE, 'UTC', 'Europe/Helsinki', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Kiritimati'] as const;

describe.each(ZONES)('400 simulated days of backups, time zone: %s', (zone) => {
  const previous = process.env.TZ;
  beforeAll(() => {
    if (zone !== MACHINE) process.env.TZ = zone;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  });

  if (zone === 'Europe/Helsinki') {
    it('really runs with Helsinki DST (the zone change took effect)', () => {
      expect((new Date(2026, 2, 30).getTime() - new Date(2026, 2, 29).getTime()) / 3_600_000).toBe(23);
      expect((new Date(2026, 9, 26).getTime() - new Date(2026, 9, 25).getTime()) / 3_600_000).toBe(25);
      // 03:30 on 29.3. does not exist; it becomes 04:30. 03:30 on 25.10. happens twice (the
      // first is taken), so 23:30 that day is 24 hours after 00:30.
      expect(new Date(2026, 2, 29, 3, 30).getHours()).toBe(4);
      expect(new Date(2026, 9, 25, 3, 30).getTime() - new Date(2026, 9, 25, 0, 30).getTime()).toBe(3 * 3_600_000);
      expect(new Date(2026, 9, 25, 23, 30).getTime() - new Date(2026, 9, 25, 0, 30).getTime()).toBe(24 * 3_600_000);
    });
  }

  it('keeps exactly the right files after every backup, and these 19 at the end', () => {
    const after = simulate({ withFailures: false });
    expect(after.size).toBe(DAYS);
    expect(dates(after.get('2027-01-06'))).toEqual(FINAL_DATES);

    // Just after the spring DST change: the Sunday of the change keeps its latest, 23:30.
    expect(dates(after.get('2026-04-01'))).toEqual([
      '2026-04-01', '2026-03-31', '2026-03-30', '2026-03-29', '2026-03-28', '2026-03-27', '2026-03-26', // days
      '2026-03-22', '2026-03-15', // weeks 12 and 11 (13 is 29.3., 14 is 1.4.)
      '2026-02-28', '2026-01-31', '2025-12-31', // months (the first backup was in December 2025)
    ]);
    expect(labels(after.get('2026-04-01'))).toContain('2026-03-29 2330');
    expect(labels(after.get('2026-03-29'))).toContain('2026-03-29 2330');
    expect(labels(after.get('2026-03-29'))).not.toContain('2026-03-29 0330');

    // Just after the autumn change, with its hour that happens twice.
    expect(dates(after.get('2026-10-27'))).toEqual([
      '2026-10-27', '2026-10-26', '2026-10-25', '2026-10-24', '2026-10-23', '2026-10-22', '2026-10-21',
      '2026-10-18', '2026-10-11',
      '2026-09-30', '2026-08-31', '2026-07-31', '2026-06-30', '2026-05-31', '2026-04-30', '2026-03-31', '2026-02-28', '2026-01-31', '2025-12-31',
    ]);
    expect(labels(after.get('2026-10-27'))).toContain('2026-10-25 2330');

    // Never more than 7 + 4 + 12, and once a full year has passed, always exactly 19 to 23.
    for (const [day, folder] of after) {
      expect(folder.length, day).toBeLessThanOrEqual(23);
      if (day >= '2026-12-15') expect(folder.length, day).toBeGreaterThanOrEqual(19);
    }
  });

  it('with failed backups: each kept only until a newer verified one exists, the newest verified always kept', () => {
    const after = simulate({ withFailures: true });
    const final = after.get('2027-01-06')!;
    // The day's good backup and then a failed attempt: the failed one is kept (it is the newest),
    // and beside it exactly the same 19 as without failures.
    expect(final[0]!.verified).toBe(false);
    expect(final[0]!.label.startsWith('2027-01-06')).toBe(true);
    expect(final.slice(1).every((b) => b.verified)).toBe(true);
    expect(dates(final.slice(1))).toEqual(FINAL_DATES);

    // Three days of failures: all kept while nothing verified ...
    const during = after.get('2026-12-12')!;
    expect(during.filter((b) => !b.verified).map((b) => b.label.slice(0, 10))).toEqual(expect.arrayContaining(['2026-12-12', '2026-12-11', '2026-12-10']));
    expect(during.find((b) => b.verified)!.label.startsWith('2026-12-09')).toBe(true);
    // ... and gone the day a backup verified again.
    expect(after.get('2026-12-13')!.filter((b) => !b.verified)).toEqual(after.get('2026-12-13')!.filter((b) => !b.verified && b.label.startsWith('2026-12-13')));
    expect(dates(after.get('2026-12-13'))).not.toContain('2026-12-10');

    // Failed attempts did happen on ordinary days too, and none outlived the next good backup.
    const failedSeen = new Set([...after.values()].flat().filter((b) => !b.verified).map((b) => b.label));
    expect(failedSeen.size).toBeGreaterThan(20);
  });
});
