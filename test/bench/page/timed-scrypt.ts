import { scrypt as nobleScrypt, scryptAsync } from '../../../node_modules/@noble/hashes/scrypt.js';

/**
 * The benchmark page's stand-in for `@noble/hashes/scrypt.js` (run.ts aliases the specifier to
 * this file in the page build only): the real scrypt, with a clock around it. So the age file
 * code (shared/backup/age-file.ts) runs unchanged, and its scrypt — inside `encryptBackup` as
 * well as `decryptBackup` — is timed exactly and can be reported apart from everything else.
 */
export const scryptClock = { ms: 0, calls: 0 };

export const scrypt: typeof nobleScrypt = (...args) => {
  const t0 = performance.now();
  try {
    return nobleScrypt(...args);
  } finally {
    scryptClock.ms += performance.now() - t0;
    scryptClock.calls += 1;
  }
};

export { scryptAsync };
