/**
 * Finnish strings of importing customers from a booking system's CSV file. Kept in a module of their own (merged into one resource in
 * ../index.ts) so that feature can be worked on independently. Finnish is the reference: en.ts
 * and sv.ts must have exactly these keys (the type refuses anything else, and
 * test/node/renderer/i18n/locales.test.ts checks it at run time).
 */
export const importFi = {
  csvImport: {
    title: 'Tuonti',
  },
} as const;
