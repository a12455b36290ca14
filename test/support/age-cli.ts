import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * Debian's `age` (the reference implementation), driven through a pseudo-terminal because it
 * reads passphrases only from a terminal (test/support/age-pty.py). `.ci/run` installs it.
 */
const PTY = path.join(import.meta.dirname, 'age-pty.py');

export interface AgeRun {
  readonly code: number;
  readonly output: string;
}

export function runAge(passphrase: string, args: readonly string[]): Promise<AgeRun> {
  return new Promise((resolve, reject) => {
    execFile('python3', [PTY, passphrase, '--', 'age', ...args], { timeout: 120_000 }, (error, _stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`could not run age: ${error.message}`));
        return;
      }
      resolve({ code: error ? Number(error.code) : 0, output: stderr });
    });
  });
}
