/**
 * Finnish strings of backups, restores and exports (issue 6). A module of its own, merged into
 * one resource in ../index.ts; en.ts and sv.ts must have exactly these keys.
 */
export const backupFi = {
  backup: {
    title: 'Varmuuskopiot',
  },
} as const;
