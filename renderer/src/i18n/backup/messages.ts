import type { Widen } from '../messages';
import type { backupFi } from './fi';

/** Every locale has exactly Finnish's keys of this module. */
export type BackupMessages = Widen<typeof backupFi>;
