import { describe, expect, it } from 'vitest';
import { heading, keyValue, list, paragraph, table, type DocumentModel } from '../../../../shared/documents/model';
import { PAGE_SIZE, renderPdf, wrapText } from '../../../../shared/documents/pdf';
import { allText, dejaVu, readPdf, squash } from './pdf-text';

const LEFT = 56.69;
const RIGHT = PAGE_SIZE.width - 56.69;

const model = (blocks: DocumentModel['blocks'], extra: Partial<DocumentModel> = {}): DocumentModel => ({ language: 'fi', title: 'Testiasiakirja', blocks, ...extra });

/** Synthetic running text of `words` words, with Finnish letters, numbered so order can be checked. */
const longText = (words: number) => Array.from({ length: words }, (_, i) => `sana${i}ä`).join(' ');

describe('wrapText', () => {
  const measure = (text: string) => text.length;
  it('fills lines up to the width, breaks at \\n and cuts words longer than a line', () => {
    expect(wrapText('aaa bbb ccc', 7, measure)).toEqual(['aaa bbb', 'ccc']);
    expect(wrapText('a\n\nb', 10, measure)).toEqual(['a', '', 'b']);
    expect(wrapText('x abcdefghij y', 4, measure)).toEqual(['x', 'abcd', 'efgh', 'ij y']);
    expect(wrapText('', 5, measure)).toEqual(['']);
  });
  it('keeps a no-break space inside its word', () => {
    expect(wrapText('hinta 49,00\u00a0€', 11, measure)).toEqual(['hinta', '49,00\u00a0€']);
  });
});

describe('renderPdf', () => {
  it('keeps Finnish and Swedish letters with the standard font', async () => {
    const text = 'Äänekosken Örö ja Åsa Järvinen-Söderström: é è ü ß € “lainaus” – ok';
    const pdf = await readPdf(await renderPdf(model([heading('Ääkköset ÅÄÖ'), paragraph(text)])));
    const all = allText(pdf);
    expect(all).toContain('Ääkköset ÅÄÖ');
    expect(all).toContain(text);
  });

  it('prints names outside WinAnsi exactly with an embedded font, and readably without one', async () => {
    const name = 'Ольга Wałęsa Nguyễn Đức';
    const embedded = allText(await readPdf(await renderPdf(model([paragraph(name)]), { fonts: dejaVu() })));
    expect(embedded).toContain(name);
    const standard = allText(await readPdf(await renderPdf(model([paragraph(name)]))));
    expect(standard).toContain('????? Walesa Nguyen Duc');
  });

  it('wraps a long notes field inside the margins and breaks it over numbered pages', async () => {
    const notes = longText(2500);
    const bytes = await renderPdf(model([heading('Lisätiedot'), keyValue([['Lisätiedot', notes]]), paragraph(notes)]));
    const pdf = await readPdf(bytes);
    expect(pdf.pages.length).toBeGreaterThanOrEqual(4);
    for (const size of pdf.pageSizes) {
      expect(size.width).toBeCloseTo(PAGE_SIZE.width, 1);
      expect(size.height).toBeCloseTo(PAGE_SIZE.height, 1);
    }
    for (const item of pdf.items) {
      expect(item.x).toBeGreaterThanOrEqual(LEFT - 0.5);
      expect(item.x + item.width).toBeLessThanOrEqual(RIGHT + 0.5);
      expect(item.y).toBeGreaterThan(20);
      expect(item.y).toBeLessThan(PAGE_SIZE.height - 40);
    }
    // Every page carries "n / N" and nothing is lost or reordered: the text reads back in full, twice.
    const total = pdf.pages.length;
    pdf.pages.forEach((lines, i) => expect(lines).toContain(`${i + 1} / ${total}`));
    const body = squash(pdf.pages.map((lines) => lines.filter((line) => !/^\d+ \/ \d+$/.test(line)).join(' ')).join(' '));
    expect(body.split(notes).length - 1).toBe(2);
    // The key-value row is split across pages rather than pushed off the page.
    expect(pdf.pages[0]!.join(' ')).toContain('sana0ä');
  });

  it('cuts a word longer than a line instead of running off the page', async () => {
    const url = `https://example.test/${'x'.repeat(600)}`;
    const pdf = await readPdf(await renderPdf(model([paragraph(url)])));
    for (const item of pdf.items) expect(item.x + item.width).toBeLessThanOrEqual(RIGHT + 0.5);
    expect(allText(pdf).replace(/ /g, '')).toContain(url);
  });

  it('repeats a table header on every page the table spans and keeps every row', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => [`rivi ${i}`, `${i},00 €`, i % 7 === 0 ? longText(40) : 'lyhyt']);
    const pdf = await readPdf(await renderPdf(model([heading('Ajanvaraukset'), table(['Ajankohta', 'Hinta', 'Lisätiedot'], rows, [2, 1, 4])])));
    expect(pdf.pages.length).toBeGreaterThan(2);
    for (const lines of pdf.pages) expect(lines.some((line) => line.startsWith('Ajankohta Hinta Lisätiedot'))).toBe(true);
    const all = allText(pdf);
    for (let i = 0; i < 150; i += 1) expect(all).toContain(`rivi ${i} `);
  });

  it('prints lists with their markers and keeps a heading with what follows it', async () => {
    const filler = Array.from({ length: 49 }, (_, i) => paragraph(`täyte ${i}`));
    const pdf = await readPdf(await renderPdf(model([...filler, heading('Otsikko lopussa'), list(['eka', 'toka'], true), list(['kohta'])])));
    const page = pdf.pages.findIndex((lines) => lines.includes('Otsikko lopussa'));
    expect(pdf.pages[page]).toContain('1. eka');
    expect(pdf.pages[page]).toContain('• kohta');
  });

  it('writes the title and language and no other metadata', async () => {
    const pdf = await readPdf(
      await renderPdf(model([paragraph('Maija Meikäläinen, 040 123 4567')], { title: 'Selvitys henkilötiedoistasi', language: 'sv', footer: 'Salonki' }), { createdAt: new Date(Date.UTC(2026, 10, 25, 12)) }),
    );
    expect(pdf.info.Title).toBe('Selvitys henkilötiedoistasi');
    expect(pdf.info.Language).toBe('sv');
    expect(pdf.info.Producer).toBe('Kirjuri');
    expect(pdf.info.Creator).toBe('Kirjuri');
    expect(pdf.info.Author).toBeUndefined();
    expect(pdf.info.Subject).toBeUndefined();
    expect(pdf.info.Keywords).toBeUndefined();
    expect(String(pdf.info.CreationDate)).toContain('20261125');
    expect(JSON.stringify(pdf.info)).not.toContain('Maija');
    expect(pdf.pages[0]).toContain('Salonki 1 / 1');
  });

  it('breaks lines where the text has line breaks', async () => {
    const pdf = await readPdf(await renderPdf(model([paragraph('Maija Meikäläinen\r\nEsimerkkitie 1\n00100 Helsinki'), keyValue([['Palvelut', 'Leikkaus\nVärjäys']])])));
    expect(pdf.pages[0]).toEqual(expect.arrayContaining(['Maija Meikäläinen', 'Esimerkkitie 1', '00100 Helsinki', 'Palvelut Leikkaus', 'Värjäys']));
  });

  it('drops control characters and prints an empty document as one numbered page', async () => {
    const pdf = await readPdf(await renderPdf(model([paragraph('a\u0000b\u200bc\td')])));
    expect(allText(pdf)).toContain('abc d');
    const empty = await readPdf(await renderPdf(model([])));
    expect(empty.pages).toHaveLength(1);
    expect(empty.pages[0]).toContain('1 / 1');
  });
});
