/**
 * Finnish strings of the customer record (source, legal basis, consents, health notes), the customer card, duplicates and merging. Kept in a module of their own (merged into one resource in
 * ../index.ts) so that feature can be worked on independently. Finnish is the reference: en.ts
 * and sv.ts must have exactly these keys (the type refuses anything else, and
 * test/node/renderer/i18n/locales.test.ts checks it at run time).
 */
export const recordFi = {
  record: {
    title: 'Asiakastiedot',
  },
} as const;
