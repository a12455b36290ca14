import { z } from 'zod';
import { accessReportJsonText, accessReportPdf, AccessReportInputSchema, type AccessReportInput } from '../../../shared/documents/access-report';
import { modelText } from '../../../shared/documents/model';
import type { PdfOptions } from '../../../shared/documents/pdf';
import { privacyNoticeHtml, PrivacyNoticeInputSchema, privacyNoticeModel, privacyNoticePdf } from '../../../shared/documents/privacy-notice';
import { ReplyLetterInputSchema, replyLetterPdf } from '../../../shared/documents/reply-letters';
import type { ChannelOutput, DocumentExportKind } from '../../../shared/ipc/contract';
import { JournalIdSchema } from '../../../shared/schemas/journal';
import type { Logger } from '../logger';
import type { AttachmentFileService } from '../services/attachment-file-service';
import type { Dialogs } from '../services/dialogs';
import { dateStamp, saveIntoFolder, saveOneFile, type PlannedFile } from '../services/document-files';
import type { FontService } from '../services/font-service';
import { appendQuietly, type JournalService } from '../services/journal-service';
import type { SessionService } from '../services/session-service';
import type { VaultService } from '../services/vault-service';
import { HandlerError } from './handler-error';
import type { Handlers } from './handle';

/**
 * Documents of the GDPR flows (issue 7), rendered in main: the access report (Art. 15 PDF and
 * Art. 20 JSON) for one person or several (an authority's request), the privacy notice (PDF or
 * HTML, and its text for a preview), reply letters, and the pick of a request's written copy.
 *
 * Order of every save: role → full parse (shared/documents schemas; a failure is
 * `invalid_request` and nothing happens) → dialog (cancel: nothing rendered, nothing written) →
 * render and write (atomic, 0600; a failure removes what this call wrote) → journal. The journal
 * gets `export.created` with the document kind as detail and an id (customer, request, notice
 * version) as record: never a name, an address or any of the document's text.
 */
export type DocumentChannels =
  | 'documents.saveAccessReport'
  | 'documents.savePrivacyNotice'
  | 'documents.renderPrivacyNoticePreview'
  | 'documents.saveReplyLetter'
  | 'requests.pickAttachment';

export interface DocumentHandlerDeps {
  readonly sessions: SessionService;
  readonly vault: VaultService;
  readonly journal: JournalService;
  readonly dialogs: Dialogs;
  readonly fonts: FontService;
  readonly attachments: AttachmentFileService;
  readonly logger: Logger;
  readonly now?: () => number;
}

type Saved = ChannelOutput<'documents.saveAccessReport'>;

/** Parses with the full schema; a failure is the dispatcher's own `invalid_request`, with issue codes only. */
function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const codes = [...new Set(result.error.issues.map((issue) => issue.code))].join(',');
    throw new HandlerError('invalid_request', `document input rejected (${codes})`);
  }
  return result.data;
}

/** A generator's own checks (zod) failing after the parse is still bad input, not a crash. */
async function rendered<T>(render: () => Promise<T> | T): Promise<T> {
  try {
    return await render();
  } catch (error) {
    if (error instanceof z.ZodError) throw new HandlerError('invalid_request', 'document input rejected by its generator');
    throw error;
  }
}

/** An id fit for the journal, or null: anything else could be free text. */
const journalId = (id: string): string | null => (JournalIdSchema.safeParse(id).success ? id : null);

/** A customer id as a file name part: id characters only, so a name can never point elsewhere. */
const fileId = (id: string): string => id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64) || 'customer';

export function createDocumentHandlers(deps: DocumentHandlerDeps): Pick<Handlers, DocumentChannels> {
  const { sessions, vault, journal, dialogs, fonts, attachments, logger, now = Date.now } = deps;

  const pdfOptions = async (createdAt: number): Promise<PdfOptions> => {
    const loaded = await fonts.load();
    return { createdAt: new Date(createdAt), ...(loaded === null ? {} : { fonts: loaded }) };
  };

  const record = async (userId: string, entries: readonly { recordId: string | null; kind: DocumentExportKind }[]): Promise<void> => {
    for (const entry of entries) await appendQuietly(journal, { userId, action: 'export.created', recordId: entry.recordId, detail: entry.kind }, logger);
  };

  /**
   * Users' names by id for "recorded by" in a report. The vault's win; names the renderer sends
   * count only for ids the vault no longer knows (a removed user).
   */
  const vaultUserNames = async (): Promise<Record<string, string>> =>
    Object.fromEntries((await vault.listUsers()).map((user) => [user.id, user.name]));

  return {
    'documents.saveAccessReport': async (input): Promise<Saved> => {
      const actor = sessions.require('owner');
      const reports = input.reports.map((report) => parseInput(AccessReportInputSchema, report));
      const ids = reports.map((report) => report.customer.id);
      if (new Set(ids).size !== ids.length) throw new HandlerError('invalid_request', 'the same customer twice');
      const generatedAt = now();
      const names = await vaultUserNames();
      const full = reports.map(
        (report): AccessReportInput => ({ ...report, generatedAt, userNames: { ...report.userNames, ...names } }),
      );
      const pdf = (report: AccessReportInput) => async () => rendered(async () => accessReportPdf(report, await pdfOptions(generatedAt)));
      const json = (report: AccessReportInput) => () => rendered(() => Promise.resolve(accessReportJsonText(report)));
      const wantsPdf = input.format !== 'json';
      const wantsJson = input.format !== 'pdf';

      let isSaved: boolean;
      if (full.length === 1 && input.format !== 'both') {
        const [report] = full as [AccessReportInput];
        const extension = wantsPdf ? 'pdf' : 'json';
        isSaved = await saveOneFile(dialogs, { name: `kirjuri-access-report-${dateStamp(generatedAt)}.${extension}`, render: wantsPdf ? pdf(report) : json(report) });
      } else {
        // Several files: named by customer id, never by name (a file name ends up in recent-file
        // lists and mail attachments); two ids that read the same as names get a number.
        const taken = new Set<string>();
        const files: PlannedFile[] = [];
        for (const report of full) {
          let base = `access-report-${fileId(report.customer.id)}`;
          for (let n = 2; taken.has(base); n += 1) base = `access-report-${fileId(report.customer.id)}-${n}`;
          taken.add(base);
          if (wantsPdf) files.push({ name: `${base}.pdf`, render: pdf(report) });
          if (wantsJson) files.push({ name: `${base}.json`, render: json(report) });
        }
        const folder = full.length === 1 ? 'kirjuri-access-report' : 'kirjuri-access-reports';
        isSaved = await saveIntoFolder(dialogs, `${folder}-${dateStamp(generatedAt)}`, files);
      }
      if (!isSaved) return { status: 'cancelled' };
      const entries = full.flatMap((report) => [
        ...(wantsPdf ? [{ recordId: journalId(report.customer.id), kind: 'access-report-pdf' as const }] : []),
        ...(wantsJson ? [{ recordId: journalId(report.customer.id), kind: 'access-report-json' as const }] : []),
      ]);
      await record(actor.user.id, entries);
      return { status: 'ok', fileCount: entries.length };
    },

    'documents.savePrivacyNotice': async ({ format, ...rest }): Promise<Saved> => {
      const actor = sessions.require('owner');
      const notice = parseInput(PrivacyNoticeInputSchema, rest);
      const createdAt = now();
      const name = `kirjuri-privacy-notice-v${notice.version}-${notice.language}.${format}`;
      const render =
        format === 'pdf'
          ? async () => rendered(async () => privacyNoticePdf(notice, await pdfOptions(createdAt)))
          : () => rendered(() => Promise.resolve(privacyNoticeHtml(notice)));
      if (!(await saveOneFile(dialogs, { name, render }))) return { status: 'cancelled' };
      await record(actor.user.id, [{ recordId: `privacy-notice-v${notice.version}`, kind: format === 'pdf' ? 'privacy-notice-pdf' : 'privacy-notice-html' }]);
      return { status: 'ok', fileCount: 1 };
    },

    'documents.renderPrivacyNoticePreview': async (input): Promise<ChannelOutput<'documents.renderPrivacyNoticePreview'>> => {
      sessions.require('owner');
      const notice = parseInput(PrivacyNoticeInputSchema, input);
      const model = await rendered(() => privacyNoticeModel(notice));
      return { model, lines: modelText(model) };
    },

    'documents.saveReplyLetter': async ({ requestId, ...rest }): Promise<Saved> => {
      const actor = sessions.require('owner');
      const letter = parseInput(ReplyLetterInputSchema, rest);
      const createdAt = now();
      const render = async () => rendered(async () => replyLetterPdf(letter, await pdfOptions(createdAt)));
      if (!(await saveOneFile(dialogs, { name: `kirjuri-reply-letter-${dateStamp(createdAt)}.pdf`, render }))) return { status: 'cancelled' };
      await record(actor.user.id, [{ recordId: requestId ?? null, kind: 'reply-letter-pdf' }]);
      return { status: 'ok', fileCount: 1 };
    },

    'requests.pickAttachment': async () => {
      // Front-desk work: any signed-in user (the dispatcher checked; a direct call checks too).
      sessions.require();
      return await attachments.pick();
    },
  };
}
