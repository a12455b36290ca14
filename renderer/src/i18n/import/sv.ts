import type { ImportMessages } from './messages';

export const importSv: ImportMessages = {
  csvImport: {
    title: 'Import',
  },
};
