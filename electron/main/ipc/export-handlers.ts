import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import type { Logger } from '../logger';
import { atomicWriteFile } from '../services/atomic-write';
import type { Dialogs } from '../services/dialogs';
import { appendQuietly, type JournalService } from '../services/journal-service';
import type { SessionService } from '../services/session-service';
import type { Handlers } from './handle';

/**
 * Exports the owner asked for (issue 6): the renderer builds the files from its decrypted data,
 * main asks where to put them (a save dialog for one file, a folder for several) and writes them
 * atomically with mode 0600 — decrypted personal data on disk, but only where the owner chose.
 * The journal records that an export was made, of which kind, never what was in it.
 */
const stamp = (at: number): string => {
  const d = new Date(at);
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
};

export function createExportHandlers(deps: {
  readonly sessions: SessionService;
  readonly journal: JournalService;
  readonly dialogs: Dialogs;
  readonly logger: Logger;
  readonly now?: () => number;
}): Pick<Handlers, 'exports.save'> {
  const { sessions, journal, dialogs, logger, now = Date.now } = deps;
  return {
    'exports.save': async (input): Promise<ChannelOutput<'exports.save'>> => {
      const actor = sessions.require('owner');
      const names = Object.keys(input.files);
      if (names.length === 0) return { status: 'cancelled' };
      if (names.length === 1) {
        const [name] = names;
        const target = await dialogs.choose('saveFile', `kirjuri-${input.kind}-${stamp(now())}${path.extname(name!)}`);
        if (target === null) return { status: 'cancelled' };
        await atomicWriteFile(target, input.files[name!]!, { mode: 0o600 });
      } else {
        const folder = await dialogs.choose('exportFolder');
        if (folder === null) return { status: 'cancelled' };
        const dir = path.join(folder, `kirjuri-${input.kind}-${stamp(now())}`);
        await mkdir(dir, { recursive: true, mode: 0o700 });
        // The names passed the contract's pattern: no separators, no `..`.
        for (const name of names) await atomicWriteFile(path.join(dir, name), input.files[name]!, { mode: 0o600 });
      }
      await appendQuietly(journal, { userId: actor.user.id, action: 'export.created', detail: input.kind }, logger);
      return { status: 'ok', fileCount: names.length };
    },
  };
}
