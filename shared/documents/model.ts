import { z } from 'zod';

/**
 * The structured document every generated paper is built as (privacy notice, access report,
 * reply letters): a title and a flat list of blocks. Renderers (`pdf.ts`, `html.ts`) lay it out;
 * generators never think about pages, fonts or escaping. Text is plain text — never markup — so
 * a customer's notes can hold `<script>` or `**` and still print as written.
 *
 * It is a zod schema so that a model can cross IPC (the renderer builds it from decrypted data,
 * main renders and writes the file) and be checked where it arrives. The limits are generous:
 * they stop a hostile or broken message, not a long customer history.
 */
export const DOCUMENT_LANGUAGES = ['fi', 'sv', 'en'] as const;
export const DocumentLanguageSchema = z.enum(DOCUMENT_LANGUAGES);
export type DocumentLanguage = z.infer<typeof DocumentLanguageSchema>;

const Text = z.string().max(20_000);
const Short = z.string().max(500);
const MAX_ROWS = 5_000;

export const HeadingBlockSchema = z.object({ kind: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: Short });
/** A paragraph; `\n` inside it is a line break. */
export const ParagraphBlockSchema = z.object({ kind: z.literal('paragraph'), text: Text });
/** Label → value rows (a record's fields). */
export const KeyValueBlockSchema = z.object({
  kind: z.literal('keyValue'),
  rows: z.array(z.object({ key: Short, value: Text })).max(MAX_ROWS),
});
/** A table with a header row; `widths` are relative column weights (equal when omitted). */
export const TableBlockSchema = z
  .object({
    kind: z.literal('table'),
    columns: z.array(Short).min(1).max(12),
    rows: z.array(z.array(Text).max(12)).max(MAX_ROWS),
    widths: z.array(z.number().positive().max(100)).max(12).optional(),
  })
  .refine((table) => table.rows.every((row) => row.length === table.columns.length), { message: 'row_length' })
  .refine((table) => table.widths === undefined || table.widths.length === table.columns.length, { message: 'widths_length' });
export const ListBlockSchema = z.object({ kind: z.literal('list'), ordered: z.boolean(), items: z.array(Text).max(MAX_ROWS) });

export const BlockSchema = z.union([HeadingBlockSchema, ParagraphBlockSchema, KeyValueBlockSchema, TableBlockSchema, ListBlockSchema]);
export type Block = z.infer<typeof BlockSchema>;
export type HeadingBlock = z.infer<typeof HeadingBlockSchema>;
export type ParagraphBlock = z.infer<typeof ParagraphBlockSchema>;
export type KeyValueBlock = z.infer<typeof KeyValueBlockSchema>;
export type TableBlock = z.infer<typeof TableBlockSchema>;
export type ListBlock = z.infer<typeof ListBlockSchema>;

export const DocumentModelSchema = z.object({
  language: DocumentLanguageSchema,
  /** Shown as the first heading and written as the file's title (PDF metadata, HTML `<title>`). */
  title: Short,
  /** Lines under the title (e.g. "Version 3 · 25.11.2026"). */
  subtitle: Short.optional(),
  blocks: z.array(BlockSchema).max(20_000),
  /** Printed at the foot of every page next to the page number (e.g. the version). */
  footer: Short.optional(),
});
export type DocumentModel = z.infer<typeof DocumentModelSchema>;

/** Block constructors, so generators read as the document they write. */
export const heading = (text: string, level: 1 | 2 | 3 = 1): HeadingBlock => ({ kind: 'heading', level, text });
export const paragraph = (text: string): ParagraphBlock => ({ kind: 'paragraph', text });
export const keyValue = (rows: readonly (readonly [string, string])[]): KeyValueBlock => ({
  kind: 'keyValue',
  rows: rows.map(([key, value]) => ({ key, value })),
});
export const table = (columns: readonly string[], rows: readonly (readonly string[])[], widths?: readonly number[]): TableBlock => ({
  kind: 'table',
  columns: [...columns],
  rows: rows.map((row) => [...row]),
  ...(widths === undefined ? {} : { widths: [...widths] }),
});
export const list = (items: readonly string[], ordered = false): ListBlock => ({ kind: 'list', ordered, items: [...items] });

/** Every piece of text a model shows, in reading order (for tests and for checking a model's content). */
export function modelText(model: DocumentModel): string[] {
  const out: string[] = [model.title];
  if (model.subtitle !== undefined) out.push(model.subtitle);
  for (const block of model.blocks) {
    switch (block.kind) {
      case 'heading':
      case 'paragraph':
        out.push(block.text);
        break;
      case 'keyValue':
        for (const row of block.rows) out.push(row.key, row.value);
        break;
      case 'table':
        out.push(...block.columns, ...block.rows.flat());
        break;
      case 'list':
        out.push(...block.items);
        break;
    }
  }
  if (model.footer !== undefined) out.push(model.footer);
  return out;
}
