import { mkdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { atomicWriteFile } from './atomic-write';
import type { Dialogs } from './dialogs';

/**
 * Writes the documents main renders (access reports, the privacy notice, reply letters) where
 * the owner chooses in main's own dialog: one file through a save dialog, several into a new
 * folder inside a chosen one. Each file is written atomically with mode 0600 (decrypted personal
 * data on disk, but only where the owner chose, readable by this user only).
 *
 * Files are rendered only once a place is chosen (`render`), so a cancelled dialog costs
 * nothing; if any file fails, the ones already written by this call are removed again, so a
 * folder never holds half an authority's export.
 */
export interface PlannedFile {
  /** A plain file name: letters, digits, `.`, `-`, `_` only (callers build it, never from personal data). */
  readonly name: string;
  readonly render: () => Promise<string | Uint8Array>;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/;

function checkName(name: string): void {
  // A programming error, not bad input: names come from main's own code.
  if (!SAFE_NAME.test(name) || name.includes('..')) throw new Error('unsafe document file name');
}

/** Asks for a path with a save dialog suggesting `file.name` and writes it; false when cancelled. */
export async function saveOneFile(dialogs: Dialogs, file: PlannedFile): Promise<boolean> {
  checkName(file.name);
  const target = await dialogs.choose('saveFile', file.name);
  if (target === null) return false;
  await atomicWriteFile(target, await file.render(), { mode: 0o600 });
  return true;
}

export interface SaveIntoFolderOptions {
  /**
   * Checks the files once all are written (paths by file name), e.g. that an encrypted file reads
   * back; throwing removes them all, as any other failure does.
   */
  readonly verify?: (written: Readonly<Record<string, string>>) => Promise<void>;
}

/** Most folders of the same name and day tried (`name`, `name-2`, …) before giving up. */
const MAX_FOLDER_SUFFIX = 100;

/**
 * Makes a new folder `name` inside `folder`, or `name-2`, `name-3`, … when one exists already: a
 * second export on the same day must neither overwrite the first nor, failing half-way, remove
 * the first one's files along with its own.
 */
async function newFolder(folder: string, name: string): Promise<string> {
  for (let n = 1; n <= MAX_FOLDER_SUFFIX; n += 1) {
    const dir = path.join(folder, n === 1 ? name : `${name}-${n}`);
    try {
      await mkdir(dir, { mode: 0o700 });
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error('no free folder name for the export');
}

/**
 * Asks for a folder, makes a new `folderName` folder inside it (see `newFolder`) and writes
 * `files` there; false when cancelled. On a failure the files written so far and the folder are
 * removed.
 */
export async function saveIntoFolder(dialogs: Dialogs, folderName: string, files: readonly PlannedFile[], options: SaveIntoFolderOptions = {}): Promise<boolean> {
  checkName(folderName);
  for (const file of files) checkName(file.name);
  if (new Set(files.map((file) => file.name)).size !== files.length) throw new Error('duplicate document file name');
  const folder = await dialogs.choose('exportFolder');
  if (folder === null) return false;
  const dir = await newFolder(folder, folderName);
  const written: Record<string, string> = {};
  try {
    for (const file of files) {
      const target = path.join(dir, file.name);
      await atomicWriteFile(target, await file.render(), { mode: 0o600 });
      written[file.name] = target;
    }
    await options.verify?.(written);
  } catch (error) {
    await Promise.all(Object.values(written).map((target) => unlink(target).catch(() => undefined)));
    await rmdir(dir).catch(() => undefined);
    throw error;
  }
  return true;
}

/** `20261125`: the local date of `at`, as export file and folder names carry it. */
export function dateStamp(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}
