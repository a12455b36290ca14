import { describe, expect, it } from 'vitest';
import { CustomerRepository } from '../../../../renderer/src/db/customer-repository';
import { OWNER } from '../../../support/actors';
import { testDataKey } from '../../../support/data-key';
import { freshDatabase } from '../../../support/fresh-db';
import { syntheticCustomer } from '../../../support/synthetic';

/**
 * Reads IndexedDB rows WITHOUT the app's decryption and looks for any customer value in any
 * form: original, folded, upper/lower case, NFC/NFD, and phone digits in every shape. Byte
 * fields are decoded as UTF-8, Latin-1 and UTF-16 so an unencrypted copy cannot hide in them.
 */
function rawText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (ArrayBuffer.isView(value)) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return [bytes.toString('utf8'), bytes.toString('latin1'), bytes.toString('utf16le')].join('\n');
  }
  if (Array.isArray(value)) return value.map(rawText).join('\n');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}\n${rawText(v)}`).join('\n');
  return '';
}

function variants(value: string): string[] {
  const base = [value, value.toLowerCase(), value.toUpperCase()];
  const forms = base.flatMap((v) => [v.normalize('NFC'), v.normalize('NFD'), v.normalize('NFD').replace(/\p{M}/gu, '')]);
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 6) forms.push(digits, digits.slice(-7), `0${digits.slice(3)}`);
  return [...new Set(forms)].filter((v) => v.length >= 4);
}

describe('raw IndexedDB store', () => {
  it('holds no customer value in any case or normalisation', async () => {
    const db = freshDatabase();
    const dataKey = await testDataKey();
    await db.meta.put({ id: 'vault', vaultId: 'vault-under-test', createdAt: 0 });
    const repo = await CustomerRepository.open(db, dataKey, OWNER);
    const customers = await repo.createMany(Array.from({ length: 40 }, (_, i) => syntheticCustomer(i)));
    await repo.update(customers[0]!.id, { ...syntheticCustomer(0), notes: 'Allergia: hiusväri PPD' });
    await repo.create({ ...syntheticCustomer(77), firstName: 'Zoë', lastName: 'Ærøskøbing-Ñúñez' });

    const dump = [
      rawText(await db.meta.toArray()),
      rawText(await db.pages.toArray()),
    ].join('\n');
    const needles = [...customers.slice(0, 10), repo.get(customers[0]!.id)!]
      .flatMap((c) => [c.firstName, c.lastName, c.phone, c.email, c.street, c.postalCode === '00100' ? '' : c.postalCode, c.city, c.notes])
      .concat(['Zoë', 'Ærøskøbing-Ñúñez', 'Allergia', 'hiusväri'])
      .filter((v) => v !== '')
      .flatMap(variants);
    expect(needles.length).toBeGreaterThan(100);
    const found = needles.filter((needle) => dump.includes(needle));
    expect(found).toEqual([]);
    // Sanity check that the scan can see what is there: the vault id is meant to be in clear.
    expect(dump).toContain('vault-under-test');
  });
});
