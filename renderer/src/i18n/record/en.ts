import type { RecordMessages } from './messages';

export const recordEn: RecordMessages = {
  record: {
    title: 'Customer record',
  },
};
