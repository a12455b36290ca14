import type { Widen } from '../messages';
import type { adminFi } from './fi';

/** Every locale has exactly Finnish's admin keys. */
export type AdminMessages = Widen<typeof adminFi>;
