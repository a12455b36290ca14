import type { RecordMessages } from './messages';

export const recordSv: RecordMessages = {
  record: {
    title: 'Kunduppgifter',
  },
};
