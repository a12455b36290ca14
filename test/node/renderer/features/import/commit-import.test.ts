import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { Register } from '../../../../../renderer/src/db/register';
import { commitImport, type ReadyPlan } from '../../../../../renderer/src/features/import/commit-import';
import { guessMapping, planImport, readCsvFile, validateImport, type ImportChoices } from '../../../../../shared/domain/csv-import';
import { demoCustomers } from '../../../../../shared/domain/demo-data';
import type { CustomerDraftInput } from '../../../../../shared/schemas/customer';
import { OWNER } from '../../../../support/actors';
import { testDataKey } from '../../../../support/data-key';
import { injectWriteFaults, pagesSnapshot } from '../../../../support/db-inspect';
import { freshDatabase } from '../../../../support/fresh-db';

/**
 * The commit of an import against the real data layer (Register on fake-indexeddb): all or
 * nothing, whatever fails and wherever, and 10,000 rows through the whole real importer
 * (bytes → decode → parse → mapping → validation → plan → one write).
 */
const HEADERS = ['Etunimi', 'Sukunimi', 'Puhelin', 'Sähköposti', 'Katuosoite', 'Postinumero', 'Postitoimipaikka', 'Lisätiedot', 'Kieli', 'Uutiskirje'];
const SYSTEM = 'Ajanvaraus Oy';
const noJournal = () => Promise.resolve();

/** A booking system's export of `customers`: UTF-8 with BOM, semicolons, every cell quoted. */
function exportCsv(customers: readonly CustomerDraftInput[]): Uint8Array {
  const rows = customers.map((c, i) => [c.firstName, c.lastName, c.phone ?? '', c.email ?? '', c.street ?? '', c.postalCode ?? '', c.city ?? '', c.notes ?? '', c.language === 'sv' ? 'ruotsi' : 'suomi', i % 3 === 0 ? 'Kyllä' : 'Ei']);
  const text = Papa.unparse([HEADERS, ...rows], { delimiter: ';', quotes: true, newline: '\r\n' });
  return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
}

function importPlan(bytes: Uint8Array, register: Register, choices: ImportChoices = { skipInvalid: false, duplicates: 'import' }) {
  const read = readCsvFile(bytes);
  if (!read.ok) throw new Error(`unreadable: ${read.problem}`);
  const validation = validateImport(read.file.rows, guessMapping(read.file.headers), { systemName: SYSTEM, existing: register.customers.values() });
  return { validation, plan: planImport(validation, choices) };
}

function ready(plan: ReturnType<typeof planImport>): ReadyPlan {
  if (plan.status !== 'ready') throw new Error(`plan ${plan.status}: ${plan.reason}`);
  return plan;
}

/** What a screen can read from the register, comparable. */
function visible(register: Register) {
  return {
    count: register.customers.count,
    customers: [...register.customers.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    everyone: register.customers.search(''),
    imported: register.customers.search('Importti'),
  };
}

async function openRegister() {
  const db = freshDatabase();
  const faults = injectWriteFaults(db);
  const dataKey = await testDataKey();
  const register = await Register.open(db, dataKey, OWNER);
  return { db, faults, dataKey, register };
}

describe('commitImport', () => {
  it('imports 10,000 rows of a booking-system export in ONE write, as booking-system customers, with the stated consents only', async () => {
    const { db, faults, dataKey, register } = await openRegister();
    const people = demoCustomers(10_000, 7);
    const { validation, plan } = importPlan(exportCsv(people), register);
    expect(validation.invalid).toEqual([]);
    const journaled: string[] = [];
    const writesBefore = faults.seen.length;

    const result = await commitImport(register.customers, ready(plan), {
      journal: (batchId) => {
        journaled.push(batchId);
        return Promise.resolve();
      },
    });

    expect(result.count).toBe(10_000);
    expect(faults.seen.slice(writesBefore)).toEqual(['put']);
    expect(journaled).toEqual([result.batchId]);
    expect(result.batchId).toMatch(/^[0-9a-f-]{36}$/);
    await register.close();

    // What is on disk, read back by a new session.
    const again = await Register.open(db, dataKey, OWNER);
    expect(again.customers.count).toBe(10_000);
    const customers = [...again.customers.values()];
    expect(customers.every((c) => c.source === 'booking_system' && c.sourceDetail === SYSTEM && c.legalBasis === 'customer_relationship')).toBe(true);
    expect(customers.every((c) => c.phone === '' || /^\+358\d+$/.test(c.phone))).toBe(true);
    const consenting = customers.filter((c) => c.consents.length > 0);
    expect(consenting.length).toBe(Math.ceil(10_000 / 3));
    expect(consenting.every((c) => c.consents.length === 1 && c.consents[0]!.kind === 'marketing_email' && c.consents[0]!.method === 'booking_system')).toBe(true);
    const first = people[0]!;
    const found = again.customers.search(`${first.firstName} ${first.lastName}`).map((id) => again.customers.get(id)!);
    expect(found.some((c) => c.notes === (first.notes ?? '').trim())).toBe(true);
    await again.close();
  }, 60_000);

  it('a write that fails inside the transaction leaves the register exactly as before, on disk and on screen', async () => {
    const { db, faults, dataKey, register } = await openRegister();
    // 300 customers fill page 0 and part of page 1: the import re-seals page 1, so a failure
    // there would lose existing customers if the write were not all-or-nothing.
    await register.customers.createMany(demoCustomers(300, 3));
    const disk = await pagesSnapshot(db);
    const screen = visible(register);
    const imports = demoCustomers(500, 11).map((c) => ({ ...c, lastName: `Importti${c.lastName}` }));
    const plan = ready(importPlan(exportCsv(imports), register).plan);

    faults.failNext((request) => request.type === 'put');
    await expect(commitImport(register.customers, plan, { journal: noJournal })).rejects.toThrow('injected write failure');
    expect(faults.failed).toBe(1);
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect(visible(register)).toEqual(screen);
    const reopened = await Register.open(db, dataKey, OWNER);
    expect(reopened.customers.count).toBe(300);
    await reopened.close();

    // Nothing was wrong with the import itself: without the fault it goes through whole.
    await commitImport(register.customers, plan, { journal: noJournal });
    expect(register.customers.count).toBe(800);
    expect(register.customers.search('Importti')).toHaveLength(500);
  });

  it('a row the data layer refuses stops the whole import before anything is written', async () => {
    const { db, faults, register } = await openRegister();
    await register.customers.createMany(demoCustomers(20, 5));
    const disk = await pagesSnapshot(db);
    const screen = visible(register);
    const plan = ready(importPlan(exportCsv(demoCustomers(50, 13).map((c) => ({ ...c, lastName: `Importti${c.lastName}` }))), register).plan);
    // Row 40 turns invalid between check and commit: the data layer validates again and refuses.
    const tampered: ReadyPlan = { ...plan, rows: plan.rows.map((row, i) => (i === 38 ? { ...row, draft: { ...row.draft, phone: 'ei numero' } } : row)) };
    const writes = faults.seen.length;
    const journaled: string[] = [];

    await expect(commitImport(register.customers, tampered, { journal: (id) => Promise.resolve(void journaled.push(id)) })).rejects.toBeInstanceOf(ZodError);
    expect(faults.seen.length).toBe(writes);
    expect(await pagesSnapshot(db)).toEqual(disk);
    expect(visible(register)).toEqual(screen);
    expect(journaled).toEqual([]);
  });

  it('property: random files either import exactly the planned rows or change nothing, failures included', async () => {
    const { db, faults, register } = await openRegister();
    await register.customers.createMany(demoCustomers(40, 17));
    const cell = fc.oneof(
      fc.constantFrom('', 'Aino', 'Importti', 'Mäki', '040 123 4567', '050 765 4321', '12', 'a@b.fi', 'a@', '00100', 'x', 'kyllä', 'ruotsi', 'saksa', ';', '"', '\n'),
      fc.string({ maxLength: 10 }),
    );
    const file = fc.array(fc.array(cell, { minLength: 0, maxLength: 10 }), { maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(file, fc.boolean(), fc.constantFrom('skip' as const, 'import' as const), fc.boolean(), async (rows, skipInvalid, duplicates, fails) => {
        const text = Papa.unparse([HEADERS, ...rows], { delimiter: ';', quotes: true });
        const bytes = new TextEncoder().encode(text);
        const read = readCsvFile(bytes);
        if (!read.ok) return;
        const validation = validateImport(read.file.rows, guessMapping(read.file.headers), { systemName: SYSTEM, existing: register.customers.values() });
        const plan = planImport(validation, { skipInvalid, duplicates });
        const disk = await pagesSnapshot(db);
        const before = visible(register);
        if (plan.status !== 'ready') {
          expect(validation.invalid.length > 0 && !skipInvalid ? 'invalid_rows' : 'nothing_to_import').toBe(plan.reason);
          return;
        }
        if (fails) faults.failNext((request) => request.type === 'put');
        const outcome = await commitImport(register.customers, plan, { journal: noJournal }).then(
          () => 'ok' as const,
          () => 'failed' as const,
        );
        if (fails) {
          expect(outcome).toBe('failed');
          expect(await pagesSnapshot(db)).toEqual(disk);
          expect(visible(register)).toEqual(before);
        } else {
          expect(outcome).toBe('ok');
          expect(register.customers.count).toBe(before.count + plan.rows.length);
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
