import type { BookingMessages } from './messages';

export const bookingSv: BookingMessages = {
  booking: {
    title: 'Tidsbokning',
  },
};
