import { describe, expect, it } from 'vitest';
import { DocumentModelSchema, heading, keyValue, list, modelText, paragraph, table } from '../../../../shared/documents/model';
import { privacyNoticeModel } from '../../../../shared/documents/privacy-notice';
import { replyLetterModel } from '../../../../shared/documents/reply-letters';
import { syntheticBusiness } from './fixtures';

describe('document model', () => {
  it('accepts what the generators build, so a model can cross IPC and be checked there', () => {
    const business = syntheticBusiness();
    for (const language of ['fi', 'sv', 'en'] as const) {
      const notice = privacyNoticeModel({ language, business, version: 1, date: '2026-11-25', reviewAfterMonths: 36, healthNotesEnabled: true });
      expect(DocumentModelSchema.parse(notice)).toEqual(notice);
      const letter = replyLetterModel({ language, business, date: '2026-11-25', request: { type: 'erasure', receivedDate: '2026-11-01', requesterName: 'Testi Henkilö' }, outcome: { kind: 'done' } });
      expect(DocumentModelSchema.parse(letter)).toEqual(letter);
    }
  });

  it('refuses a table whose rows do not match its columns, and unknown block kinds', () => {
    const base = { language: 'fi', title: 'T' };
    expect(DocumentModelSchema.safeParse({ ...base, blocks: [table(['a', 'b'], [['1']])] }).success).toBe(false);
    expect(DocumentModelSchema.safeParse({ ...base, blocks: [table(['a', 'b'], [['1', '2']], [1])] }).success).toBe(false);
    expect(DocumentModelSchema.safeParse({ ...base, blocks: [{ kind: 'html', text: '<b>' }] }).success).toBe(false);
    expect(DocumentModelSchema.safeParse({ ...base, language: 'de', blocks: [] }).success).toBe(false);
  });

  it('lists its text in reading order', () => {
    const model = DocumentModelSchema.parse({
      language: 'en',
      title: 'T',
      subtitle: 'S',
      blocks: [heading('H'), paragraph('P'), keyValue([['K', 'V']]), table(['C'], [['R']]), list(['L'])],
      footer: 'F',
    });
    expect(modelText(model)).toEqual(['T', 'S', 'H', 'P', 'K', 'V', 'C', 'R', 'L', 'F']);
  });
});
