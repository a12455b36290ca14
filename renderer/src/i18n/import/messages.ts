import type { Widen } from '../messages';
import type { importFi } from './fi';

/** Every locale has exactly Finnish's keys of this module. */
export type ImportMessages = Widen<typeof importFi>;
