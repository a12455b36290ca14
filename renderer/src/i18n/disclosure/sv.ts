import type { DisclosureMessages } from './messages';

export const disclosureSv: DisclosureMessages = {
  disclosure: {
    title: 'Utlämnanden',
  },
};
