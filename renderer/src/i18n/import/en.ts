import type { ImportMessages } from './messages';

export const importEn: ImportMessages = {
  csvImport: {
    title: 'Import',
  },
};
