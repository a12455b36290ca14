import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { AgeFileError, decryptBackup, encryptBackup, inspectAgeHeader, scryptKey, type AgeProblem } from '../../../../shared/backup/age-file';
import { seededRandom } from '../../../../shared/domain/demo-data';
import { runAge } from '../../../support/age-cli';
import { useTempDirs } from '../../electron/helpers/temp-dir';

/**
 * The age layer of backups, with the real scrypt (work factor 18, about a second per derivation)
 * and Debian's real `age` for interoperability.
 */
const PASS = 'varmuus-kopio-lause-2026';
const SLOW = 120_000;
const tempDir = useTempDirs();

/** The real scrypt, computed once per salt: the corruption tests decrypt one file a thousand times. */
function memoisedScrypt() {
  const cache = new Map<string, Uint8Array>();
  return (passphrase: string, salt: Uint8Array, logN: number) => {
    const key = `${passphrase}\u0000${Buffer.from(salt).toString('hex')}\u0000${logN}`;
    let derived = cache.get(key);
    if (!derived) {
      derived = scryptKey(passphrase, salt, logN);
      cache.set(key, derived);
    }
    return derived;
  };
}

async function problemOf(promise: Promise<unknown>): Promise<AgeProblem | 'accepted'> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof AgeFileError) return error.problem;
    throw error;
  }
}

describe('age backup files', () => {
  it(
    'round-trips text under a passphrase, with one scrypt stanza at work factor 18',
    async () => {
      const text = JSON.stringify({ customers: [{ firstName: 'Åsa', lastName: 'Östman' }] });
      const sealed = await encryptBackup(text, PASS);
      const header = new TextDecoder().decode(sealed.bytes.subarray(0, 200));
      expect(header.startsWith('age-encryption.org/v1\n-> scrypt ')).toBe(true);
      expect(header.match(/^-> /gm)).toHaveLength(1);
      expect(inspectAgeHeader(sealed.bytes)).toEqual({ kind: 'scrypt', logN: 18 });
      expect(await sealed.readBack(sealed.bytes)).toBe(text);
      expect(await decryptBackup(sealed.bytes, PASS)).toBe(text);
      // Nothing of the plaintext is visible in the file.
      expect(Buffer.from(sealed.bytes).toString('latin1')).not.toContain('Östman');
    },
    SLOW,
  );

  it(
    'tells a wrong passphrase from a file that is not age, not a passphrase file, or too costly',
    async () => {
      const sealed = await encryptBackup('{"x":1}', PASS);
      expect(await problemOf(decryptBackup(sealed.bytes, `${PASS}x`))).toBe('wrong_passphrase');
      expect(await problemOf(decryptBackup(new TextEncoder().encode('{"format":"kirjuri-backup"}'), PASS))).toBe('not_age');
      expect(await problemOf(decryptBackup(new Uint8Array(0), PASS))).toBe('not_age');

      const identity = await generateX25519Identity();
      const encrypter = new Encrypter();
      encrypter.addRecipient(await identityToRecipient(identity));
      expect(await problemOf(decryptBackup(await encrypter.encrypt('{"x":1}'), PASS))).toBe('not_passphrase');

      const costly = new TextEncoder().encode(
        new TextDecoder().decode(sealed.bytes.subarray(0, 120)).replace(/ 18\n/, ' 30\n'),
      );
      expect(await problemOf(decryptBackup(costly, PASS))).toBe('work_factor_too_high');
    },
    SLOW,
  );

  it(
    'rejects 1,000 seeded single-byte flips and 100 truncations of a backup, every one',
    async () => {
      const text = JSON.stringify({ rows: Array.from({ length: 6000 }, (_, i) => ({ i, note: `rivi ${i}` })) });
      const { bytes } = await encryptBackup(text, PASS);
      expect(bytes.length).toBeGreaterThan(64 * 1024 * 1.5); // more than one STREAM chunk
      const deriveKey = memoisedScrypt();
      const random = seededRandom(2026);
      const accepted: string[] = [];
      for (let i = 0; i < 1000; i += 1) {
        const copy = new Uint8Array(bytes);
        const at = Math.floor(random() * copy.length);
        copy[at]! ^= 1 + Math.floor(random() * 255);
        if ((await problemOf(decryptBackup(copy, PASS, { deriveKey }))) === 'accepted') accepted.push(`flip at ${at}`);
      }
      for (let i = 0; i < 100; i += 1) {
        const length = Math.floor(random() * bytes.length);
        if ((await problemOf(decryptBackup(bytes.subarray(0, length), PASS, { deriveKey }))) === 'accepted') accepted.push(`cut at ${length}`);
      }
      expect(accepted).toEqual([]);
      // The intact file still opens: the failures above are the damage, not the harness.
      expect(await decryptBackup(bytes, PASS, { deriveKey })).toBe(text);
    },
    SLOW,
  );

  it('never throws anything but AgeFileError for arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const outcome = await problemOf(decryptBackup(bytes, PASS, { deriveKey: memoisedScrypt() }));
        expect(outcome).not.toBe('accepted');
      }),
      { numRuns: 200 },
    );
  });
});

describe('interoperability with Debian age', () => {
  it(
    'a Kirjuri backup decrypts with `age -d` and the passphrase',
    async () => {
      const dir = await tempDir();
      const text = JSON.stringify({ format: 'kirjuri-backup', note: 'Äänekoski' });
      const { bytes } = await encryptBackup(text, PASS);
      await writeFile(path.join(dir, 'backup.age'), bytes);
      const run = await runAge(PASS, ['-d', '-o', path.join(dir, 'out.json'), path.join(dir, 'backup.age')]);
      expect(run.code, run.output).toBe(0);
      expect(await readFile(path.join(dir, 'out.json'), 'utf8')).toBe(text);
      const wrong = await runAge('not-the-passphrase', ['-d', '-o', path.join(dir, 'nope.json'), path.join(dir, 'backup.age')]);
      expect(wrong.code).not.toBe(0);
    },
    SLOW,
  );

  it(
    'a file encrypted by `age -p` decrypts in Kirjuri',
    async () => {
      const dir = await tempDir();
      const text = '{"made":"by age","ä":"ö"}\n';
      await writeFile(path.join(dir, 'plain.json'), text);
      const run = await runAge(PASS, ['-p', '-o', path.join(dir, 'by-age.age'), path.join(dir, 'plain.json')]);
      expect(run.code, run.output).toBe(0);
      const bytes = await readFile(path.join(dir, 'by-age.age'));
      expect(await decryptBackup(new Uint8Array(bytes), PASS)).toBe(text);
    },
    SLOW,
  );
});
