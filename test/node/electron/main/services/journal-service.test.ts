import { appendFile, chmod, mkdir, readFile, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  appendQuietly,
  createJournalService,
  GENESIS_HASH,
  JOURNAL_FILE_NAME,
  journalEntryHash,
  serialiseJournalEntry,
  verifyJournalText,
  type JournalAppend,
  type JournalService,
} from '../../../../../electron/main/services/journal-service';
import type { JournalEntry } from '../../../../../shared/schemas/journal';
import { createRecordingLogger } from '../../helpers/recording-logger';
import { useTempDirs } from '../../helpers/temp-dir';

// Synthetic ids and a fixed clock: no real people, no wall-clock dependence.
const START = 1_750_000_000_000;
const ENTRY_KEYS = ['seq', 'at', 'userId', 'action', 'recordId', 'detail', 'prevHash', 'hash'];

/** A clock that moves one second per reading. */
function steppingClock(start = START): () => number {
  let next = start;
  return () => {
    const value = next;
    next += 1000;
    return value;
  };
}

/** A varied but deterministic input for the i-th entry (0-based). */
function sampleInput(i: number): JournalAppend {
  const actions = ['session.signed_in', 'customer.opened', 'customer.updated', 'session.locked'] as const;
  return {
    userId: `user-${i % 3}`,
    action: actions[i % actions.length]!,
    recordId: `cust-${i % 5}`,
    detail: i % 4 === 3 ? 'idle' : null,
  };
}

async function appendMany(service: JournalService, count: number, from = 0): Promise<JournalEntry[]> {
  const entries: JournalEntry[] = [];
  for (let i = from; i < from + count; i += 1) entries.push(await service.append(sampleInput(i)));
  return entries;
}

async function readLines(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

async function writeLines(file: string, lines: readonly string[]): Promise<void> {
  await writeFile(file, lines.map((line) => `${line}\n`).join(''));
}

/** An entry with a correct own hash, for crafting journals by hand. */
function sealed(fields: Omit<JournalEntry, 'hash'>): JournalEntry {
  return { ...fields, hash: journalEntryHash(fields) };
}

describe('createJournalService', () => {
  const tempDir = useTempDirs();
  let dir: string;
  let file: string;
  let service: JournalService;

  beforeEach(async () => {
    dir = await tempDir();
    file = path.join(dir, JOURNAL_FILE_NAME);
    service = createJournalService(dir, { now: steppingClock() });
  });

  describe('append and verify', () => {
    it('numbers entries 1..n, chains each to the previous hash from GENESIS_HASH, and verifies', async () => {
      const entries = await appendMany(service, 6);

      expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(entries.map((entry) => entry.at)).toEqual([0, 1, 2, 3, 4, 5].map((i) => START + i * 1000));
      expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
      for (let i = 1; i < entries.length; i += 1) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
      for (const entry of entries) {
        expect(entry.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(entry.hash).toBe(journalEntryHash(entry));
      }
      expect(new Set(entries.map((entry) => entry.hash)).size).toBe(6);

      // The file is exactly one serialised entry per line, each line ending in a newline.
      expect(await readFile(file, 'utf8')).toBe(entries.map((entry) => `${serialiseJournalEntry(entry)}\n`).join(''));
      expect(await service.verify()).toEqual({ verifiedCount: 6, problem: null, tornTail: false });
    });

    it('returns what the caller gave, with recordId and detail defaulting to null', async () => {
      const entry = await service.append({ userId: null, action: 'session.sign_in_failed' });
      expect(entry).toEqual({
        seq: 1,
        at: START,
        userId: null,
        action: 'session.sign_in_failed',
        recordId: null,
        detail: null,
        prevHash: GENESIS_HASH,
        hash: journalEntryHash({
          seq: 1,
          at: START,
          userId: null,
          action: 'session.sign_in_failed',
          recordId: null,
          detail: null,
          prevHash: GENESIS_HASH,
        }),
      });
    });

    it('creates a missing user-data directory (0700) and the file with mode 0600', async () => {
      const nested = path.join(dir, 'a', 'b');
      await createJournalService(nested).append(sampleInput(0));
      const created = path.join(nested, JOURNAL_FILE_NAME);
      expect(await readLines(created)).toHaveLength(1);
      if (process.platform !== 'win32') {
        expect((await stat(created)).mode & 0o777).toBe(0o600);
        expect((await stat(nested)).mode & 0o777).toBe(0o700);
      }
    });

    it('narrows an existing file made with wider permissions to 0600 on the first append', async () => {
      if (process.platform === 'win32') return;
      await writeFile(file, '');
      await chmod(file, 0o644);
      await service.append(sampleInput(0));
      expect((await stat(file)).mode & 0o777).toBe(0o600);
    });

    it('starts at seq 1 over an existing empty file', async () => {
      await writeFile(file, '');
      const entry = await service.append(sampleInput(0));
      expect(entry).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
      expect(await service.verify()).toEqual({ verifiedCount: 1, problem: null, tornTail: false });
    });

    it('lands concurrent appends in call order without forking the chain', async () => {
      const entries = await Promise.all(
        Array.from({ length: 40 }, (_, i) => service.append({ userId: 'user-1', action: 'customer.opened', recordId: `cust-${i}` })),
      );
      expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(entries.map((entry) => entry.recordId)).toEqual(Array.from({ length: 40 }, (_, i) => `cust-${i}`));
      const lines = await readLines(file);
      expect(lines.map((line) => (JSON.parse(line) as JournalEntry).recordId)).toEqual(entries.map((entry) => entry.recordId));
      expect(await service.verify()).toEqual({ verifiedCount: 40, problem: null, tornTail: false });
    });

    it('verifies a missing journal as empty and intact', async () => {
      expect(await service.verify()).toEqual({ verifiedCount: 0, problem: null, tornTail: false });
    });

    it('verifies 10,000 appends', { timeout: 120_000 }, async () => {
      const count = 10_000;
      const entries = await Promise.all(Array.from({ length: count }, (_, i) => service.append(sampleInput(i))));
      expect(entries.at(-1)!.seq).toBe(count);
      expect(await service.verify()).toEqual({ verifiedCount: count, problem: null, tornTail: false });

      // The file is now far larger than one tail read window: a restart still finds the head.
      expect((await stat(file)).size).toBeGreaterThan(256 * 1024);
      const next = await createJournalService(dir, { now: steppingClock(START + count * 1000) }).append(sampleInput(count));
      expect(next).toMatchObject({ seq: count + 1, prevHash: entries.at(-1)!.hash });
      expect(await service.verify()).toEqual({ verifiedCount: count + 1, problem: null, tornTail: false });
    });
  });

  describe('list', () => {
    it('gives an empty page for a missing journal', async () => {
      expect(await service.list({})).toEqual({ entries: [], total: 0 });
    });

    it('returns entries newest first with the total', async () => {
      const entries = await appendMany(service, 5);
      const page = await service.list({});
      expect(page.total).toBe(5);
      expect(page.entries).toEqual([...entries].reverse());
    });

    it('filters by userId, action and recordId, alone and together', async () => {
      const entries = await appendMany(service, 20);
      const seqs = (predicate: (entry: JournalEntry) => boolean): number[] =>
        entries.filter(predicate).map((entry) => entry.seq).reverse();

      const byUser = await service.list({ userId: 'user-1' });
      expect(byUser.entries.map((entry) => entry.seq)).toEqual(seqs((entry) => entry.userId === 'user-1'));
      expect(byUser.total).toBe(7);

      const byAction = await service.list({ action: 'customer.opened' });
      expect(byAction.entries.map((entry) => entry.seq)).toEqual(seqs((entry) => entry.action === 'customer.opened'));
      expect(byAction.total).toBe(5);

      const byRecord = await service.list({ recordId: 'cust-2' });
      expect(byRecord.entries.map((entry) => entry.seq)).toEqual(seqs((entry) => entry.recordId === 'cust-2'));
      expect(byRecord.total).toBe(4);

      const combined = await service.list({ userId: 'user-0', action: 'session.signed_in' });
      expect(combined.entries.map((entry) => entry.seq)).toEqual(
        seqs((entry) => entry.userId === 'user-0' && entry.action === 'session.signed_in'),
      );
      expect(combined.total).toBe(2);

      expect(await service.list({ userId: 'user-9' })).toEqual({ entries: [], total: 0 });
    });

    it('pages with beforeSeq and limit, total ignoring the paging', async () => {
      await appendMany(service, 23);

      const first = await service.list({ limit: 10 });
      expect(first.entries.map((entry) => entry.seq)).toEqual([23, 22, 21, 20, 19, 18, 17, 16, 15, 14]);
      expect(first.total).toBe(23);

      const second = await service.list({ limit: 10, beforeSeq: 14 });
      expect(second.entries.map((entry) => entry.seq)).toEqual([13, 12, 11, 10, 9, 8, 7, 6, 5, 4]);
      expect(second.total).toBe(23);

      const third = await service.list({ limit: 10, beforeSeq: 4 });
      expect(third.entries.map((entry) => entry.seq)).toEqual([3, 2, 1]);
      expect(third.total).toBe(23);

      expect(await service.list({ limit: 10, beforeSeq: 1 })).toEqual({ entries: [], total: 23 });
    });

    it('pages a filtered list, total counting the filter only', async () => {
      await appendMany(service, 20);
      // user-2 holds seqs 3, 6, 9, 12, 15, 18.
      const page = await service.list({ userId: 'user-2', beforeSeq: 15, limit: 2 });
      expect(page.entries.map((entry) => entry.seq)).toEqual([12, 9]);
      expect(page.total).toBe(6);
    });

    it('defaults to 100 entries per page', async () => {
      await Promise.all(Array.from({ length: 105 }, (_, i) => service.append(sampleInput(i))));
      const page = await service.list({});
      expect(page.entries).toHaveLength(100);
      expect(page.entries[0]!.seq).toBe(105);
      expect(page.entries.at(-1)!.seq).toBe(6);
      expect(page.total).toBe(105);
    });

    it.each([
      ['a zero limit', { limit: 0 }],
      ['a limit above 500', { limit: 501 }],
      ['a non-positive beforeSeq', { beforeSeq: 0 }],
      ['an unknown action', { action: 'customer.exported' }],
    ])('refuses %s', async (_label, filter) => {
      await expect(service.list(filter as never)).rejects.toThrow();
    });

    it('skips lines that are not entries', async () => {
      const entries = await appendMany(service, 3);
      await appendFile(file, 'not an entry\n');
      expect((await service.list({})).entries.map((entry) => entry.seq)).toEqual(entries.map((entry) => entry.seq).reverse());
    });
  });

  describe('tamper evidence', () => {
    let lines: string[];

    beforeEach(async () => {
      await appendMany(service, 6);
      lines = await readLines(file);
    });

    const entryAt = (line: number): JournalEntry => JSON.parse(lines[line - 1]!) as JournalEntry;
    const lineOf = (entry: JournalEntry): string => serialiseJournalEntry(entry);

    it.each([
      ['seq', { seq: 9 }],
      ['at', { at: START + 1 }],
      ['userId', { userId: 'user-x' }],
      ['userId (to null)', { userId: null }],
      ['action', { action: 'customer.deleted' }],
      ['recordId', { recordId: 'cust-x' }],
      ['detail', { detail: 'forged' }],
      ['prevHash', { prevHash: 'f'.repeat(64) }],
      ['hash', { hash: 'e'.repeat(64) }],
    ] as const)('reports an edited %s as hash_mismatch at that line', async (_field, change) => {
      lines[2] = lineOf({ ...entryAt(3), ...change });
      await writeLines(file, lines);
      expect(await service.verify()).toEqual({ verifiedCount: 2, problem: { line: 3, kind: 'hash_mismatch' }, tornTail: false });
    });

    it('reports an edit of the first entry at line 1', async () => {
      lines[0] = lineOf({ ...entryAt(1), userId: 'user-x' });
      await writeLines(file, lines);
      expect(await service.verify()).toEqual({ verifiedCount: 0, problem: { line: 1, kind: 'hash_mismatch' }, tornTail: false });
    });

    it('reports an edit of the last entry at the last line', async () => {
      lines[5] = lineOf({ ...entryAt(6), recordId: 'cust-x' });
      await writeLines(file, lines);
      expect(await service.verify()).toEqual({ verifiedCount: 5, problem: { line: 6, kind: 'hash_mismatch' }, tornTail: false });
    });

    it('reports a deleted line as chain_broken at the line that follows it', async () => {
      lines.splice(2, 1);
      await writeLines(file, lines);
      expect(await service.verify()).toEqual({ verifiedCount: 2, problem: { line: 3, kind: 'chain_broken' }, tornTail: false });
    });

    it('reports a deleted first line as chain_broken at line 1', async () => {
      lines.splice(0, 1);
      await writeLines(file, lines);
      expect(await service.verify()).toEqual({ verifiedCount: 0, problem: { line: 1, kind: 'chain_broken' }, tornTail: false });
    });

    it('reports two swapped lines as chain_broken at the first of them', async () => {
      [lines[2], lines[3]] = [lines[3]!, lines[2]!];
      await writeLines(file, lines);
      expect(await service.verify()).toEqual({ verifiedCount: 2, problem: { line: 3, kind: 'chain_broken' }, tornTail: false });
    });

    it('reports two swapped last lines at the second-to-last line', async () => {
      [lines[4], lines[5]] = [lines[5]!, lines[4]!];
      await writeLines(file, lines);
      expect(await service.verify()).toEqual({ verifiedCount: 4, problem: { line: 5, kind: 'chain_broken' }, tornTail: false });
    });

    it('reports a duplicated entry as chain_broken at the copy', async () => {
      lines.splice(3, 0, lines[2]!);
      await writeLines(file, lines);
      expect(await service.verify()).toEqual({ verifiedCount: 3, problem: { line: 4, kind: 'chain_broken' }, tornTail: false });
    });

    it('reports an edit whose own hash was recomputed as chain_broken at the next line', async () => {
      const { hash: _old, ...rest } = entryAt(3);
      lines[2] = lineOf(sealed({ ...rest, userId: 'user-x' }));
      await writeLines(file, lines);
      expect(await service.verify()).toEqual({ verifiedCount: 3, problem: { line: 4, kind: 'chain_broken' }, tornTail: false });
    });

    it('reports an entry with a correct hash and prevHash but the wrong seq as sequence_gap', async () => {
      // Rewrite entry 4 onwards as if seq 4 had been skipped: every hash is recomputed.
      let previous = entryAt(3);
      for (let line = 4; line <= 6; line += 1) {
        const { hash: _old, ...rest } = entryAt(line);
        const forged = sealed({ ...rest, seq: rest.seq + 1, prevHash: previous.hash });
        lines[line - 1] = lineOf(forged);
        previous = forged;
      }
      await writeLines(file, lines);
      expect(await service.verify()).toEqual({ verifiedCount: 3, problem: { line: 4, kind: 'sequence_gap' }, tornTail: false });
    });

    it.each([
      [1, 'the first line'],
      [3, 'a middle line'],
    ])('reports a garbage line replacing %s as malformed there', async (line) => {
      lines[line - 1] = 'this is not an entry';
      await writeLines(file, lines);
      expect(await service.verify()).toEqual({ verifiedCount: line - 1, problem: { line, kind: 'malformed' }, tornTail: false });
    });

    it.each([
      ['valid JSON that is not an object', '[1,2,3]'],
      ['an entry with a string seq', () => JSON.stringify({ ...entryAt(3), seq: '3' })],
      ['an entry missing a field', () => JSON.stringify({ ...entryAt(3), detail: undefined })],
      ['an entry with an upper-case hash', () => lineOf({ ...entryAt(3), hash: entryAt(3).hash.toUpperCase() })],
      ['an entry with an unknown action', () => lineOf({ ...entryAt(3), action: 'customer.exported' as never })],
      ['an empty line', ''],
    ])('reports %s in the middle as malformed', async (_label, replacement) => {
      lines[2] = typeof replacement === 'string' ? replacement : replacement();
      await writeLines(file, lines);
      expect(await service.verify()).toEqual({ verifiedCount: 2, problem: { line: 3, kind: 'malformed' }, tornTail: false });
    });

    it('refuses an entry with an unknown field even when its hash is right (nothing extra may ride along)', async () => {
      const entry = entryAt(3);
      expect(journalEntryHash(entry)).toBe(entry.hash);
      lines[2] = JSON.stringify({ ...JSON.parse(lines[2]!), customerName: 'Testi Asiakas' });
      await writeLines(file, lines);
      expect(await service.verify()).toEqual({ verifiedCount: 2, problem: { line: 3, kind: 'malformed' }, tornTail: false });
    });

    it('reports a last line cut mid-way as a torn tail, with every earlier entry verified and no problem', async () => {
      const size = (await stat(file)).size;
      const lastLineStart = size - lines[5]!.length - 1;
      // Keep 1 byte, a few, half, and all but the closing brace of the last line.
      for (const keep of [1, 10, Math.floor(lines[5]!.length / 2), lines[5]!.length - 1]) {
        await writeLines(file, lines);
        await truncate(file, lastLineStart + keep);
        expect(await service.verify()).toEqual({ verifiedCount: 5, problem: null, tornTail: true });
      }
    });

    it('verifies a file missing only its final newline in full', async () => {
      const size = (await stat(file)).size;
      await truncate(file, size - 1);
      expect(await service.verify()).toEqual({ verifiedCount: 6, problem: null, tornTail: false });
    });
  });

  describe('crash recovery and restarts', () => {
    it('continues seq and the hash chain in a new service instance', async () => {
      const before = await appendMany(service, 3);
      const restarted = createJournalService(dir, { now: steppingClock(START + 10_000) });
      const after = await appendMany(restarted, 2, 3);

      expect(after.map((entry) => entry.seq)).toEqual([4, 5]);
      expect(after[0]!.prevHash).toBe(before[2]!.hash);
      expect(after[1]!.prevHash).toBe(after[0]!.hash);
      expect(after[0]!.at).toBe(START + 10_000);
      expect(await readLines(file)).toHaveLength(5);
      expect(await restarted.verify()).toEqual({ verifiedCount: 5, problem: null, tornTail: false });
    });

    it('after a torn last line, continues from the last intact entry on a new line', async () => {
      const before = await appendMany(service, 3);
      // A crash mid-append: part of a fourth line, no newline.
      const tornLine = serialiseJournalEntry(
        sealed({ seq: 4, at: START + 3000, userId: 'user-0', action: 'customer.opened', recordId: 'cust-0', detail: null, prevHash: before[2]!.hash }),
      ).slice(0, 57);
      await appendFile(file, tornLine);
      expect(await createJournalService(dir).verify()).toEqual({ verifiedCount: 3, problem: null, tornTail: true });

      const restarted = createJournalService(dir, { now: steppingClock(START + 60_000) });
      const next = await restarted.append(sampleInput(3));
      expect(next).toMatchObject({ seq: 4, prevHash: before[2]!.hash });

      const lines = await readLines(file);
      expect(lines).toHaveLength(5);
      expect(lines[3]).toBe(tornLine); // kept as evidence
      expect(lines[4]).toBe(serialiseJournalEntry(next)); // on a line of its own
      expect(await restarted.verify()).toEqual({ verifiedCount: 4, problem: null, tornTail: true });

      const later = await restarted.append(sampleInput(4));
      expect(later).toMatchObject({ seq: 5, prevHash: next.hash });
      expect(await restarted.verify()).toEqual({ verifiedCount: 5, problem: null, tornTail: true });
      expect((await restarted.list({})).entries.map((entry) => entry.seq)).toEqual([5, 4, 3, 2, 1]);
    });

    it('after a file missing only its final newline, starts the next entry on a new line', async () => {
      const before = await appendMany(service, 2);
      await truncate(file, (await stat(file)).size - 1);
      const next = await createJournalService(dir).append(sampleInput(2));
      expect(next).toMatchObject({ seq: 3, prevHash: before[1]!.hash });
      expect(await readLines(file)).toEqual([...before, next].map(serialiseJournalEntry));
      expect(await service.verify()).toEqual({ verifiedCount: 3, problem: null, tornTail: false });
    });

    it('finds the last intact entry even when junk after it is longer than one read window', async () => {
      const before = await appendMany(service, 20);
      await appendFile(file, `{"seq":21,"at":${'9'.repeat(200 * 1024)}`);
      const next = await createJournalService(dir).append(sampleInput(300));
      expect(next).toMatchObject({ seq: 21, prevHash: before.at(-1)!.hash });
      // Appending still works, but 200 KiB is no crash's leftover of one short entry: verify says so.
      expect(await service.verify()).toEqual({ verifiedCount: 20, problem: { line: 21, kind: 'malformed' }, tornTail: false });
    });

    it.each([
      ['free text with a name', 'Maija Meikäläinen soitti'],
      ['an entry-like line for another position', '{"seq":9,"at":1'],
      ['JSON that is not an entry', '{"name":"x"}'],
    ])('refuses inserted text between entries as a torn line: %s', async (_label, inserted) => {
      const entries = await appendMany(service, 3);
      const lines = entries.map(serialiseJournalEntry);
      await writeLines(file, [lines[0]!, inserted, lines[1]!, lines[2]!]);
      expect(await service.verify()).toEqual({ verifiedCount: 1, problem: { line: 2, kind: 'malformed' }, tornTail: false });
    });

    it('reports a torn line as malformed when the entry after it does not continue the chain', async () => {
      const entries = await appendMany(service, 5);
      const lines = entries.map(serialiseJournalEntry);
      // Entry 4 is gone and a fragment sits in its place: more than one crash can explain.
      await writeLines(file, [lines[0]!, lines[1]!, lines[2]!, lines[3]!.slice(0, 30), lines[4]!]);
      expect(await service.verify()).toEqual({ verifiedCount: 3, problem: { line: 4, kind: 'malformed' }, tornTail: false });
    });

    it('reports two unparsable lines in a row in the middle as malformed at the first', async () => {
      const entries = await appendMany(service, 4);
      const lines = entries.map(serialiseJournalEntry);
      await writeLines(file, [lines[0]!, lines[1]!, 'junk-a', 'junk-b', lines[2]!, lines[3]!]);
      expect(await service.verify()).toEqual({ verifiedCount: 2, problem: { line: 3, kind: 'malformed' }, tornTail: false });
    });
  });

  describe('what it refuses to write', () => {
    it.each([
      ['free text with spaces', 'wrong passphrase'],
      ['more than 64 characters', 'x'.repeat(65)],
      ['an e-mail address', 'testi.asiakas@example.invalid'],
      ['a path', '/home/testi/asiakkaat.csv'],
      ['letters outside ASCII', 'väärä'],
      ['a newline', 'a\nb'],
      ['an empty string', ''],
    ])('refuses a detail that is %s and writes nothing', async (_label, detail) => {
      await expect(service.append({ userId: 'user-1', action: 'session.locked', detail })).rejects.toThrow(TypeError);
      await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });

      // An earlier journal is left byte for byte, and the refused entry used no seq.
      const first = await service.append(sampleInput(0));
      const text = await readFile(file, 'utf8');
      await expect(service.append({ userId: 'user-1', action: 'session.locked', detail })).rejects.toThrow(TypeError);
      expect(await readFile(file, 'utf8')).toBe(text);
      expect(await service.append(sampleInput(1))).toMatchObject({ seq: 2, prevHash: first.hash });
    });

    it('accepts machine words up to 64 characters', async () => {
      for (const detail of ['idle', 'wrong_passphrase', 'journal.list', 'a:b-c.d_e', 'A'.repeat(64)]) {
        expect((await service.append({ userId: null, action: 'access.denied', detail })).detail).toBe(detail);
      }
      expect(await service.verify()).toEqual({ verifiedCount: 5, problem: null, tornTail: false });
    });

    it('writes only the entry fields, never extra properties a caller slipped in', async () => {
      const input = {
        userId: 'user-1',
        action: 'customer.updated',
        recordId: 'cust-1',
        customerName: 'Testi Asiakas',
        phone: '+358401234567',
        notes: 'synthetic note',
      } as JournalAppend;
      const entry = await service.append(input);
      expect(Object.keys(entry).sort()).toEqual([...ENTRY_KEYS].sort());

      const text = await readFile(file, 'utf8');
      expect(text).not.toMatch(/Testi|Asiakas|358401234567|synthetic|customerName|phone|notes/);
      expect(Object.keys(JSON.parse(text) as object)).toEqual(ENTRY_KEYS);
    });

    it('writes nothing but integers, null and id-like strings', async () => {
      await appendMany(service, 8);
      for (const line of await readLines(file)) {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        expect(Object.keys(parsed)).toEqual(ENTRY_KEYS);
        for (const value of Object.values(parsed)) {
          if (value === null) continue;
          if (typeof value === 'number') expect(Number.isInteger(value)).toBe(true);
          else expect(value).toMatch(/^[A-Za-z0-9._:-]{1,64}$/);
        }
      }
    });

    it.each([
      ['an unknown action', { userId: 'user-1', action: 'customer.exported' }],
      ['a userId longer than 64 characters', { userId: 'u'.repeat(65), action: 'customer.opened' }],
      ['a recordId longer than 64 characters', { userId: 'user-1', action: 'customer.opened', recordId: 'c'.repeat(65) }],
    ])('refuses %s and writes nothing', async (_label, input) => {
      await expect(service.append(input as JournalAppend)).rejects.toThrow();
      await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
      expect(await service.append(sampleInput(0))).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    });
  });
});

describe('verifyJournalText', () => {
  const chain = (count: number): JournalEntry[] => {
    const entries: JournalEntry[] = [];
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= count; seq += 1) {
      const entry = sealed({ seq, at: START + seq, userId: null, action: 'session.sign_in_failed', recordId: 'user-1', detail: null, prevHash });
      entries.push(entry);
      prevHash = entry.hash;
    }
    return entries;
  };
  const text = (lines: readonly string[]): string => lines.map((line) => `${line}\n`).join('');

  it('accepts empty text', () => {
    expect(verifyJournalText('')).toEqual({ verifiedCount: 0, problem: null, tornTail: false });
  });

  it('accepts a hand-made chain', () => {
    expect(verifyJournalText(text(chain(4).map(serialiseJournalEntry)))).toEqual({ verifiedCount: 4, problem: null, tornTail: false });
  });

  it('refuses a first entry that does not start from GENESIS_HASH', () => {
    const [first] = chain(1);
    const { hash: _old, ...rest } = first!;
    const forged = sealed({ ...rest, prevHash: 'a'.repeat(64) });
    expect(verifyJournalText(text([serialiseJournalEntry(forged)]))).toEqual({
      verifiedCount: 0,
      problem: { line: 1, kind: 'chain_broken' },
      tornTail: false,
    });
  });

  it('refuses a first entry whose seq is not 1', () => {
    const forged = sealed({ seq: 2, at: START, userId: null, action: 'vault.created', recordId: null, detail: null, prevHash: GENESIS_HASH });
    expect(verifyJournalText(text([serialiseJournalEntry(forged)]))).toEqual({
      verifiedCount: 0,
      problem: { line: 1, kind: 'sequence_gap' },
      tornTail: false,
    });
  });

  it('does not depend on the key order of a line (only the canonical fields are hashed)', () => {
    const lines = chain(2).map((entry) => {
      const { hash, prevHash, detail, recordId, action, userId, at, seq } = entry;
      return JSON.stringify({ hash, prevHash, detail, recordId, action, userId, at, seq });
    });
    expect(verifyJournalText(text(lines))).toEqual({ verifiedCount: 2, problem: null, tornTail: false });
  });

  it('reports the first problem only', () => {
    const lines = chain(5).map(serialiseJournalEntry);
    lines[1] = 'junk';
    lines[3] = 'more junk';
    expect(verifyJournalText(text(lines))).toEqual({ verifiedCount: 1, problem: { line: 2, kind: 'malformed' }, tornTail: false });
  });
});

describe('appendQuietly', () => {
  const tempDir = useTempDirs();
  // Payload values that must never reach a log line.
  const input: JournalAppend = { userId: 'user-secret-7', action: 'session.sign_in_failed', recordId: 'cust-secret-42', detail: 'reason-secret' };

  function expectNoPayload(lines: readonly string[], dir: string): void {
    const all = lines.join('\n');
    expect(all).not.toMatch(/secret/);
    expect(all).not.toContain(dir);
    expect(all).not.toContain(JOURNAL_FILE_NAME);
    for (const line of lines) {
      const keys = Object.keys(JSON.parse(line) as object);
      expect(keys.every((key) => ['time', 'level', 'event', 'code', 'errorName', 'channel'].includes(key))).toBe(true);
    }
  }

  it('appends and logs nothing when the journal works', async () => {
    const dir = await tempDir();
    const { logger, lines } = createRecordingLogger();
    const journal = createJournalService(dir, { now: steppingClock(), logger });
    await expect(appendQuietly(journal, input, logger)).resolves.toBeUndefined();
    expect(lines).toEqual([]);
    expect((await journal.list({})).entries).toMatchObject([{ seq: 1, userId: 'user-secret-7', action: 'session.sign_in_failed' }]);
  });

  it('logs a failure without throwing when the user-data path is a file', async () => {
    const dir = await tempDir();
    const notADir = path.join(dir, 'plain-file');
    await writeFile(notADir, 'x');
    const { logger, lines } = createRecordingLogger();
    const journal = createJournalService(notADir, { logger });
    await expect(journal.append(input)).rejects.toThrow();
    lines.length = 0;

    await expect(appendQuietly(journal, input, logger)).resolves.toBeUndefined();
    const records = lines.map((line) => JSON.parse(line) as Record<string, string>);
    expect(records).toContainEqual(
      expect.objectContaining({ level: 'error', event: 'journal.entry_lost', code: 'session.sign_in_failed', errorName: 'Error' }),
    );
    expectNoPayload(lines, dir);
    expect(await readFile(notADir, 'utf8')).toBe('x');
  });

  it('logs the system error code when the write itself fails, and recovers once the cause is gone', async () => {
    const dir = await tempDir();
    // A dangling link into a missing folder: reading finds no journal, opening it for append fails.
    await symlink(path.join(dir, 'missing', 'target.ndjson'), path.join(dir, JOURNAL_FILE_NAME));
    const { logger, lines } = createRecordingLogger();
    const journal = createJournalService(dir, { now: steppingClock(), logger });

    await expect(appendQuietly(journal, input, logger)).resolves.toBeUndefined();
    const records = lines.map((line) => JSON.parse(line) as Record<string, string>);
    expect(records).toEqual([
      expect.objectContaining({ level: 'error', event: 'journal.append_failed', code: 'ENOENT' }),
      expect.objectContaining({ level: 'error', event: 'journal.entry_lost', code: 'session.sign_in_failed', errorName: 'Error' }),
    ]);
    expectNoPayload(lines, dir);

    await mkdir(path.join(dir, 'missing'));
    const entry = await journal.append({ userId: 'user-1', action: 'session.signed_in' });
    expect(entry).toMatchObject({ seq: 1, prevHash: GENESIS_HASH });
    expect(await journal.verify()).toEqual({ verifiedCount: 1, problem: null, tornTail: false });
  });

  it('logs a refused free-text detail without the text', async () => {
    const dir = await tempDir();
    const { logger, lines } = createRecordingLogger();
    const journal = createJournalService(dir, { logger });
    await expect(
      appendQuietly(journal, { userId: 'user-1', action: 'session.locked', detail: 'Testi Asiakas soitti' }, logger),
    ).resolves.toBeUndefined();
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ event: 'journal.entry_lost', code: 'session.locked', errorName: 'TypeError' });
    expect(lines[0]).not.toMatch(/Testi|Asiakas|soitti/);
    await expect(readFile(path.join(dir, JOURNAL_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
