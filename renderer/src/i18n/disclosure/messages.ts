import type { Widen } from '../messages';
import type { disclosureFi } from './fi';

/** Every locale has exactly Finnish's keys of this module. */
export type DisclosureMessages = Widen<typeof disclosureFi>;
