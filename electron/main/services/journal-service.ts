import { createHash } from 'node:crypto';
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import {
  JournalDetailSchema,
  JournalEntrySchema,
  JournalFilterSchema,
  type JournalAction,
  type JournalEntry,
  type JournalFilter,
  type JournalVerification,
} from '../../../shared/schemas/journal';
import { silentLogger, type Logger } from '../logger';

/**
 * The audit journal (DESIGN §4; issue 4 item 7): an append-only file of one JSON entry per line,
 * written by main only. Each entry carries the SHA-256 of the previous one, so a changed,
 * removed or reordered entry breaks the chain where it happened; `verify` reports that place.
 *
 * What it holds: ids, times and machine words (action, lock reason, denied channel); never
 * names, contact details or free text. So it is not encrypted, and it can be written before
 * anyone has signed in (failed sign-ins).
 *
 * Durability: every append opens the file for appending, writes the whole line in one call,
 * fsyncs and closes. Appends are queued, so entries land in call order and the chain never forks.
 * A crash mid-append leaves at most one torn last line: it is kept (it is evidence), the chain
 * continues from the last intact entry, and the next entry starts on a new line.
 *
 * What a hash chain cannot do: someone who can write the file can recompute every hash, or cut
 * whole entries off the end. It makes casual edits evident; it is not a signature.
 */
export const JOURNAL_FILE_NAME = 'journal.ndjson';
/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a caller supplies; main adds `seq`, `at` and the hashes. */
export interface JournalAppend {
  readonly userId: string | null;
  readonly action: JournalAction;
  readonly recordId?: string | null;
  readonly detail?: string | null;
}

export interface JournalPage {
  readonly entries: JournalEntry[];
  /** How many entries match the filter (ignoring `beforeSeq` and `limit`). */
  readonly total: number;
}

export interface JournalService {
  /** Appends one entry durably (fsync) and returns it. */
  append(input: JournalAppend): Promise<JournalEntry>;
  /** Entries newest first, filtered by user, action and record, paged with `beforeSeq`. */
  list(filter: JournalFilter): Promise<JournalPage>;
  /** Walks the whole chain and reports the first problem and its line. */
  verify(): Promise<JournalVerification>;
}

export interface JournalServiceOptions {
  readonly now?: () => number;
  readonly logger?: Logger;
}

type UnhashedEntry = Omit<JournalEntry, 'hash'>;

/** Every character a serialised entry can contain: digits, id and machine-word characters, JSON punctuation. */
const ENTRY_CHARACTERS = /^[A-Za-z0-9{}":,._-]*$/;
/** Longer than any real entry (eight short fields); a longer "torn line" is not one. */
const MAX_ENTRY_LENGTH = 640;
const StrictEntrySchema = JournalEntrySchema.strict();
const NEWLINE = 0x0a;
const TAIL_CHUNK_BYTES = 64 * 1024;

/**
 * The exact text that is hashed: the entry without `hash`, keys in a fixed order. Every field is
 * a string, an integer or null, for which JSON.stringify is deterministic.
 */
export function canonicalJournalText(entry: UnhashedEntry): string {
  return JSON.stringify([entry.seq, entry.at, entry.userId, entry.action, entry.recordId, entry.detail, entry.prevHash]);
}

/** SHA-256 (hex) of the canonical text. */
export function journalEntryHash(entry: UnhashedEntry): string {
  return createHash('sha256').update(canonicalJournalText(entry), 'utf8').digest('hex');
}

/** One line of the file (without the newline), fields in the same fixed order. */
export function serialiseJournalEntry(entry: JournalEntry): string {
  return JSON.stringify({
    seq: entry.seq,
    at: entry.at,
    userId: entry.userId,
    action: entry.action,
    recordId: entry.recordId,
    detail: entry.detail,
    prevHash: entry.prevHash,
    hash: entry.hash,
  });
}

/** Parses one line as an entry (shape only, not the hash); null when it is not one. */
function parseLine(line: string): JournalEntry | null {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  const parsed = StrictEntrySchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** An entry whose own hash is right (it may still sit in the wrong place). */
function parseIntactLine(line: string): JournalEntry | null {
  const entry = parseLine(line);
  return entry !== null && journalEntryHash(entry) === entry.hash ? entry : null;
}

/** Lines of the file; a final newline does not start another line. */
function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Whether `line` can be what a crash left of the entry number `seq`: a prefix of its serialised
 * form, which starts `{"seq":<seq>,` and holds only the characters entries are made of.
 */
function isTornStart(line: string, seq: number): boolean {
  const head = `{"seq":${seq},`;
  if (line.length === 0 || line.length > MAX_ENTRY_LENGTH || !ENTRY_CHARACTERS.test(line)) return false;
  return line.length <= head.length ? head.startsWith(line) : line.startsWith(head);
}

/**
 * Verifies a journal's text. Per line, in order: it must parse as an entry (`malformed`), its
 * hash must match its content (`hash_mismatch`: a field was edited), its `prevHash` must be the
 * previous entry's hash (`chain_broken`: an entry was removed, inserted or moved) and its `seq`
 * the previous one plus one (`sequence_gap`).
 *
 * A torn line from a crash mid-append is not an error: as the last line it sets `tornTail`; after
 * a restart it sits between two entries and is accepted only when the next entry continues the
 * chain exactly where the entry before the torn line left it (nothing was lost around it), and
 * `tornTail` is still reported. A torn line must look like the start of the entry that was being
 * written (`isTornStart`). Anything else unparsable is `malformed`.
 */
export function verifyJournalText(text: string): JournalVerification {
  const lines = splitLines(text);
  let previous = { seq: 0, hash: GENESIS_HASH };
  let verifiedCount = 0;
  let tornTail = false;
  let tornLine: number | null = null;
  const problem = (line: number, kind: NonNullable<JournalVerification['problem']>['kind']): JournalVerification => ({
    verifiedCount,
    problem: tornLine !== null ? { line: tornLine, kind: 'malformed' } : { line, kind },
    tornTail,
  });

  for (let index = 0; index < lines.length; index += 1) {
    const lineNumber = index + 1;
    const line = lines[index] ?? '';
    const entry = parseLine(line);
    if (entry === null) {
      // Only the start of the entry that was being appended can be torn; anything else (inserted
      // text, a name) is not a crash's leftover.
      if (!isTornStart(line, previous.seq + 1)) return problem(lineNumber, 'malformed');
      if (index === lines.length - 1) {
        tornTail = true;
        break;
      }
      // Two unparsable lines in a row are not one crash.
      if (tornLine !== null) return problem(tornLine, 'malformed');
      tornLine = lineNumber;
      continue;
    }
    if (journalEntryHash(entry) !== entry.hash) return problem(lineNumber, 'hash_mismatch');
    if (entry.prevHash !== previous.hash) return problem(lineNumber, 'chain_broken');
    if (entry.seq !== previous.seq + 1) return problem(lineNumber, 'sequence_gap');
    if (tornLine !== null) {
      tornTail = true;
      tornLine = null;
    }
    previous = entry;
    verifiedCount += 1;
  }
  return { verifiedCount, problem: null, tornTail };
}

interface Head {
  seq: number;
  hash: string;
  /** The file ends without a newline (a torn line): the next append starts a new line first. */
  needsNewline: boolean;
  /** The file did not exist: the first append also fsyncs the directory. */
  isNewFile: boolean;
}

const errorCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/**
 * Finds where the chain continues: the last intact entry, reading backwards from the end in
 * growing chunks (a journal of years must not be read whole at every start).
 */
async function readHead(filePath: string): Promise<Head> {
  let handle: FileHandle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { seq: 0, hash: GENESIS_HASH, needsNewline: false, isNewFile: true };
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return { seq: 0, hash: GENESIS_HASH, needsNewline: false, isNewFile: false };
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    const needsNewline = last[0] !== NEWLINE;
    for (let window = TAIL_CHUNK_BYTES; ; window *= 4) {
      const start = Math.max(0, size - window);
      const buffer = Buffer.alloc(size - start);
      await handle.read(buffer, 0, buffer.length, start);
      const lines = splitLines(buffer.toString('utf8'));
      // Unless the window reaches the start of the file, its first line may be cut: skip it.
      const first = start === 0 ? 0 : 1;
      for (let index = lines.length - 1; index >= first; index -= 1) {
        const entry = parseIntactLine(lines[index] ?? '');
        if (entry !== null) return { seq: entry.seq, hash: entry.hash, needsNewline, isNewFile: false };
      }
      if (start === 0) return { seq: 0, hash: GENESIS_HASH, needsNewline, isNewFile: false };
    }
  } finally {
    await handle.close();
  }
}

/** Creates the journal service for `journal.ndjson` in `userDataDir`. Nothing is read until first use. */
export function createJournalService(userDataDir: string, options: JournalServiceOptions = {}): JournalService {
  const filePath = path.join(userDataDir, JOURNAL_FILE_NAME);
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  let head: Head | undefined;
  let isModeChecked = false;
  // One queue: appends never interleave, so seq and prevHash never fork.
  let queue: Promise<unknown> = Promise.resolve();

  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function appendNow(input: JournalAppend): Promise<JournalEntry> {
    head ??= await readHead(filePath);
    const current = head;
    const detail = input.detail ?? null;
    if (detail !== null && !JournalDetailSchema.safeParse(detail).success) throw new TypeError('journal detail must be a short machine word');
    const unhashed: UnhashedEntry = {
      seq: current.seq + 1,
      at: now(),
      userId: input.userId,
      action: input.action,
      recordId: input.recordId ?? null,
      detail,
      prevHash: current.hash,
    };
    // Parsed before writing: an entry that would not verify must never reach the file.
    const entry = JournalEntrySchema.parse({ ...unhashed, hash: journalEntryHash(unhashed) });
    const line = `${current.needsNewline ? '\n' : ''}${serialiseJournalEntry(entry)}\n`;

    let handle: FileHandle | undefined;
    try {
      if (current.isNewFile) await mkdir(userDataDir, { recursive: true, mode: 0o700 });
      handle = await open(filePath, 'a', 0o600);
      if (!isModeChecked) {
        // A file made by someone else (or restored from a copy) is narrowed to this user once.
        await handle.chmod(0o600);
        isModeChecked = true;
      }
      await handle.writeFile(line, 'utf8');
      await handle.sync();
      await handle.close();
      handle = undefined;
      if (current.isNewFile) await syncDirectory(userDataDir);
    } catch (error) {
      await handle?.close().catch(() => undefined);
      // A partial write may have left a torn line: find the head again before the next append.
      head = undefined;
      const code = errorCode(error);
      logger.error('journal.append_failed', { code: typeof code === 'string' ? code : 'unknown' });
      throw error;
    }
    head = { seq: entry.seq, hash: entry.hash, needsNewline: false, isNewFile: false };
    return entry;
  }

  async function readText(): Promise<string> {
    try {
      return await readFile(filePath, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return '';
      throw error;
    }
  }

  return {
    append: (input) => serialised(() => appendNow(input)),

    async list(filter) {
      const { userId, action, recordId, beforeSeq, limit } = JournalFilterSchema.parse(filter);
      // Read inside the queue so a page never sees half of an append.
      const text = await serialised(readText);
      const matching: JournalEntry[] = [];
      for (const line of splitLines(text)) {
        const entry = parseLine(line);
        if (entry === null) continue;
        if (userId !== undefined && entry.userId !== userId) continue;
        if (action !== undefined && entry.action !== action) continue;
        if (recordId !== undefined && entry.recordId !== recordId) continue;
        matching.push(entry);
      }
      matching.sort((a, b) => b.seq - a.seq);
      const page = beforeSeq === undefined ? matching : matching.filter((entry) => entry.seq < beforeSeq);
      return { entries: page.slice(0, limit), total: matching.length };
    },

    async verify() {
      return verifyJournalText(await serialised(readText));
    },
  };
}

/** fsyncs a directory so a newly created file's entry survives a power cut (POSIX only). */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EPERM', 'EINVAL'].includes(String(errorCode(error)))) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Appends without letting a journal failure undo or hide an operation that already happened
 * (a sign-in, a created vault whose recovery key must still reach the screen). The failure is
 * logged by code; the operation's reply stands.
 */
export async function appendQuietly(journal: JournalService, input: JournalAppend, logger: Logger): Promise<void> {
  try {
    await journal.append(input);
  } catch (error) {
    logger.error('journal.entry_lost', {
      code: input.action,
      errorName: error instanceof Error ? error.name : 'unknown',
    });
  }
}
