import type { RetentionMessages } from './messages';

export const retentionEn: RetentionMessages = {
  retention: {
    title: 'Retention review',
  },
};
