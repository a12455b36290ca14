import type { DisclosureMessages } from './messages';

export const disclosureEn: DisclosureMessages = {
  disclosure: {
    title: 'Disclosures',
  },
};
