import type { BookingMessages } from './messages';

export const bookingEn: BookingMessages = {
  booking: {
    title: 'Booking',
  },
};
