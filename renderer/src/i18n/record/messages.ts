import type { Widen } from '../messages';
import type { recordFi } from './fi';

/** Every locale has exactly Finnish's keys of this module. */
export type RecordMessages = Widen<typeof recordFi>;
