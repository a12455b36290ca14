import type { Widen } from '../messages';
import type { retentionFi } from './fi';

/** Every locale has exactly Finnish's keys of this module. */
export type RetentionMessages = Widen<typeof retentionFi>;
