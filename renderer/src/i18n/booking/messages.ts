import type { Widen } from '../messages';
import type { bookingFi } from './fi';

/** Every locale has exactly Finnish's keys of this module. */
export type BookingMessages = Widen<typeof bookingFi>;
