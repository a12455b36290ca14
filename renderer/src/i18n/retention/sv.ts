import type { RetentionMessages } from './messages';

export const retentionSv: RetentionMessages = {
  retention: {
    title: 'Granskning av lagringstid',
  },
};
