import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DialogKind, Dialogs } from '../../../../../electron/main/services/dialogs';
import { dateStamp, saveIntoFolder, saveOneFile, type PlannedFile } from '../../../../../electron/main/services/document-files';
import { useTempDirs } from '../../helpers/temp-dir';

/** Real files in temp dirs; the dialog is a double that records what it was asked and answers a path. */
const tempDir = useTempDirs();

function recordingDialogs(answers: Partial<Record<DialogKind, string>>) {
  const asked: { kind: DialogKind; suggestedName: string | undefined }[] = [];
  const dialogs: Dialogs = {
    choose(kind, suggestedName) {
      asked.push({ kind, suggestedName });
      return Promise.resolve(answers[kind] ?? null);
    },
  };
  return { dialogs, asked };
}

const file = (name: string, data: string | (() => Promise<string>)): PlannedFile & { renders: () => number } => {
  let count = 0;
  return {
    name,
    render: () => {
      count += 1;
      return typeof data === 'string' ? Promise.resolve(data) : data();
    },
    renders: () => count,
  };
};

describe('saveOneFile', () => {
  it('suggests the name, writes the rendered data atomically with mode 0600', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'chosen.pdf');
    const { dialogs, asked } = recordingDialogs({ saveFile: target });
    expect(await saveOneFile(dialogs, file('kirjuri-access-report-20261125.pdf', 'PDF'))).toBe(true);
    expect(asked).toEqual([{ kind: 'saveFile', suggestedName: 'kirjuri-access-report-20261125.pdf' }]);
    expect(await readFile(target, 'utf8')).toBe('PDF');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['chosen.pdf']);
  });

  it('renders nothing when the dialog is cancelled', async () => {
    const planned = file('kirjuri-reply-letter-20261125.pdf', 'PDF');
    expect(await saveOneFile(recordingDialogs({}).dialogs, planned)).toBe(false);
    expect(planned.renders()).toBe(0);
  });

  it('refuses a file name with a separator or `..` before any dialog (a programming error)', async () => {
    const { dialogs, asked } = recordingDialogs({ saveFile: '/tmp/x' });
    for (const name of ['../x.pdf', 'a/b.pdf', 'a\\b.pdf', 'Ilona Wałęsa.pdf', '.hidden']) {
      await expect(saveOneFile(dialogs, file(name, 'x'))).rejects.toThrow('unsafe document file name');
    }
    expect(asked).toEqual([]);
  });
});

describe('saveIntoFolder', () => {
  it('makes the named folder inside the chosen one and writes every file there, 0600', async () => {
    const out = await tempDir();
    const { dialogs, asked } = recordingDialogs({ exportFolder: out });
    expect(await saveIntoFolder(dialogs, 'kirjuri-access-reports-20261125', [file('a.pdf', 'A'), file('a.json', '{}')])).toBe(true);
    expect(asked).toEqual([{ kind: 'exportFolder', suggestedName: undefined }]);
    const folder = path.join(out, 'kirjuri-access-reports-20261125');
    expect((await readdir(folder)).sort()).toEqual(['a.json', 'a.pdf']);
    for (const name of ['a.json', 'a.pdf']) expect((await stat(path.join(folder, name))).mode & 0o777).toBe(0o600);
  });

  it('removes what it wrote, and the folder it made, when a later file fails: no half an export', async () => {
    const out = await tempDir();
    const { dialogs } = recordingDialogs({ exportFolder: out });
    const failing = file('b.pdf', () => Promise.reject(new Error('render failed')));
    await expect(saveIntoFolder(dialogs, 'kirjuri-access-reports-20261125', [file('a.pdf', 'A'), failing, file('c.pdf', 'C')])).rejects.toThrow('render failed');
    expect(await readdir(out)).toEqual([]);
  });

  it('never writes into a folder that was there before (a second export that day gets -2), and a failure leaves the first untouched', async () => {
    const out = await tempDir();
    const folder = path.join(out, 'kirjuri-access-reports-20261125');
    await mkdir(folder);
    await writeFile(path.join(folder, 'a.pdf'), 'first export');
    const { dialogs } = recordingDialogs({ exportFolder: out });
    await expect(saveIntoFolder(dialogs, 'kirjuri-access-reports-20261125', [file('a.pdf', 'A'), file('b.pdf', () => Promise.reject(new Error('no')))])).rejects.toThrow('no');
    expect(await readdir(out)).toEqual(['kirjuri-access-reports-20261125']);
    expect(await readFile(path.join(folder, 'a.pdf'), 'utf8')).toBe('first export');

    expect(await saveIntoFolder(dialogs, 'kirjuri-access-reports-20261125', [file('a.pdf', 'second')])).toBe(true);
    expect((await readdir(out)).sort()).toEqual(['kirjuri-access-reports-20261125', 'kirjuri-access-reports-20261125-2']);
    expect(await readFile(path.join(folder, 'a.pdf'), 'utf8')).toBe('first export');
    expect(await readFile(path.join(out, 'kirjuri-access-reports-20261125-2', 'a.pdf'), 'utf8')).toBe('second');
  });

  it('removes everything it wrote when the written files do not verify', async () => {
    const out = await tempDir();
    const { dialogs } = recordingDialogs({ exportFolder: out });
    const seen: string[] = [];
    const verify = async (written: Readonly<Record<string, string>>) => {
      seen.push(...Object.keys(written).sort());
      expect(await readFile(written['a.pdf']!, 'utf8')).toBe('A');
      throw new Error('does not read back');
    };
    await expect(saveIntoFolder(dialogs, 'kirjuri-successor-20261125', [file('a.pdf', 'A'), file('b.csv', 'B')], { verify })).rejects.toThrow('does not read back');
    expect(seen).toEqual(['a.pdf', 'b.csv']);
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses two files of one name before any dialog', async () => {
    const { dialogs, asked } = recordingDialogs({ exportFolder: '/tmp' });
    await expect(saveIntoFolder(dialogs, 'kirjuri-x', [file('a.pdf', 'A'), file('a.pdf', 'B')])).rejects.toThrow('duplicate');
    expect(asked).toEqual([]);
  });
});

describe('dateStamp', () => {
  it('is the local calendar date as YYYYMMDD', () => {
    expect(dateStamp(new Date(2026, 0, 5, 12).getTime())).toBe('20260105');
  });
});
