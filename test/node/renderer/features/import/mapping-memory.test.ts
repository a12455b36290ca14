import { describe, expect, it } from 'vitest';
import { ImportMappingMemory, MAX_REMEMBERED_MAPPINGS } from '../../../../../renderer/src/features/import/mapping-memory';
import { emptyMapping, guessMapping, headerSignature } from '../../../../../shared/domain/csv-import';
import { testDataKey } from '../../../../support/data-key';
import { rawDump } from '../../../../support/db-inspect';
import { freshDatabase } from '../../../../support/fresh-db';

const HEADERS = ['Asiakkaan etunimi', 'Asiakkaan sukunimi', 'Kännykkä', 'Ajanvarausjärjestelmän tunniste'];

describe('ImportMappingMemory', () => {
  it('remembers a mapping and the system name by header signature, sealed, across sessions', async () => {
    const db = freshDatabase();
    const dataKey = await testDataKey();
    const signature = headerSignature(HEADERS);
    const mapping = { ...guessMapping(HEADERS), phone: 2 };
    const memory = await ImportMappingMemory.open(db, dataKey);
    expect(memory.recall(signature, HEADERS.length)).toBeNull();
    expect(memory.lastSystemName()).toBe('');
    await memory.remember(signature, mapping, '  Varaamo Testi  ', 1000);
    await memory.close();

    const raw = await rawDump(db);
    for (const secret of ['Varaamo', 'asiakkaan', 'Asiakkaan', 'kännykkä', 'tunniste']) expect(raw).not.toContain(secret);

    const again = await ImportMappingMemory.open(db, dataKey);
    expect(again.recall(headerSignature(HEADERS.map((h) => ` ${h.toUpperCase()} `)), HEADERS.length)).toEqual({ mapping, systemName: 'Varaamo Testi' });
    // A file with fewer columns gets only the columns it has.
    expect(again.recall(signature, 2)).toEqual({ mapping: { ...mapping, phone: null }, systemName: 'Varaamo Testi' });
    expect(again.recall(headerSignature(['Etunimi']), 1)).toBeNull();
    expect(again.lastSystemName()).toBe('Varaamo Testi');
    await again.close();
  });

  it(`keeps the ${MAX_REMEMBERED_MAPPINGS} most recent mappings`, async () => {
    const db = freshDatabase();
    const memory = await ImportMappingMemory.open(db, await testDataKey());
    for (let i = 0; i <= MAX_REMEMBERED_MAPPINGS; i += 1) await memory.remember(headerSignature([`Sarake ${i}`]), { ...emptyMapping(), firstName: 0 }, `Järjestelmä ${i}`, 1000 + i);
    expect(memory.recall(headerSignature(['Sarake 0']), 1)).toBeNull();
    expect(memory.recall(headerSignature(['Sarake 1']), 1)?.systemName).toBe('Järjestelmä 1');
    expect(memory.lastSystemName()).toBe(`Järjestelmä ${MAX_REMEMBERED_MAPPINGS}`);
    await memory.close();
  });
});
