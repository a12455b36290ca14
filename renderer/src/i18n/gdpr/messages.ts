import type { Widen } from '../messages';
import type { gdprFi } from './fi';

/** Every locale has exactly Finnish's keys of this module. */
export type GdprMessages = Widen<typeof gdprFi>;
