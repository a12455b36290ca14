import { canonicalJson } from '../../../shared/backup/format';
import { isoDateInZone } from '../../../shared/domain/calendar-date';
import { PrivacyNoticeDraftSchema, PrivacyNoticeVersionSchema, type PrivacyNoticeDraftInput, type PrivacyNoticeVersion } from '../../../shared/schemas/privacy-records';
import type { Actor } from './customer-repository';
import type { KirjuriDatabase } from './database';
import { ForbiddenError } from './errors';
import { commitStaged, SealedPageStore, type PageDamage, type StagedWrite, type WriteQueue } from './sealed-page-store';
import { Subscribable } from './subscribable';

/**
 * The generated versions of the salon's register and privacy notice (issue 7): each is numbered
 * (1, 2, 3…), dated, and keeps everything its text was made from — the business details, the
 * retention period, whether health notes are kept — so a consent that records "notice version 3"
 * points at a document that can be produced again, word for word, years later.
 *
 * Generating the notice again from unchanged settings (another language, a second copy) is the
 * same version; a change of any setting it is made from is the next one.
 */
export const NOTICE_STORE = 'privacy-notices';
export const NOTICE_SCHEMA_VERSION = 1;

const contentOf = (notice: Pick<PrivacyNoticeVersion, 'business' | 'reviewAfterMonths' | 'healthNotesEnabled'>): string =>
  canonicalJson({ business: notice.business, reviewAfterMonths: notice.reviewAfterMonths, healthNotesEnabled: notice.healthNotesEnabled });

export class NoticeRepository extends Subscribable {
  private constructor(
    private readonly db: KirjuriDatabase,
    private readonly store: SealedPageStore<PrivacyNoticeVersion>,
    readonly damaged: readonly PageDamage[],
    readonly actor: Actor,
  ) {
    super();
  }

  static async open(db: KirjuriDatabase, dataKey: CryptoKey, actor: Actor, queue: WriteQueue): Promise<NoticeRepository> {
    const store = new SealedPageStore<PrivacyNoticeVersion>(db, dataKey, { store: NOTICE_STORE, schemaVersion: NOTICE_SCHEMA_VERSION, capacity: 64, queue });
    const { damaged } = await store.load();
    return new NoticeRepository(db, store, damaged, actor);
  }

  /** Every version, the first first. */
  values(): PrivacyNoticeVersion[] {
    return [...this.store.values()].sort((a, b) => a.version - b.version);
  }

  /** The newest version, whether or not it has taken effect yet. */
  latest(): PrivacyNoticeVersion | null {
    return this.values().at(-1) ?? null;
  }

  /** The version in force at `now`: the newest whose date has come (Finnish calendar). */
  inForce(now = Date.now()): PrivacyNoticeVersion | null {
    const today = isoDateInZone(now);
    return this.values().filter((notice) => notice.date <= today).at(-1) ?? null;
  }

  /** The number of the version in force at `now`, or null before any notice was generated. */
  versionInForce(now = Date.now()): number | null {
    return this.inForce(now)?.version ?? null;
  }

  /**
   * Records generating the notice (owner: it is made from the settings). Returns the version to
   * print: the newest one again when its content is unchanged (the languages are added to it),
   * otherwise a new version numbered one higher.
   */
  async publish(draft: PrivacyNoticeDraftInput, now = Date.now()): Promise<PrivacyNoticeVersion> {
    if (this.actor.role !== 'owner') throw new ForbiddenError('only the owner generates the privacy notice');
    const parsed = PrivacyNoticeDraftSchema.parse(draft);
    const { notice, isChanged } = await this.store.runExclusive(async () => {
      const latest = this.latest();
      if (latest && contentOf(latest) === contentOf(parsed)) {
        const languages = [...new Set([...latest.languages, ...parsed.languages])].sort();
        if (languages.length === latest.languages.length) return { notice: latest, isChanged: false };
        const widened = { ...latest, languages };
        await commitStaged(this.db, [await this.store.stage({ put: [widened] })]);
        return { notice: widened, isChanged: true };
      }
      const next = PrivacyNoticeVersionSchema.parse({
        id: crypto.randomUUID(),
        version: (latest?.version ?? 0) + 1,
        ...parsed,
        createdAt: now,
        createdBy: this.actor.userId,
      } satisfies PrivacyNoticeVersion);
      await commitStaged(this.db, [await this.store.stage({ put: [next] })]);
      return { notice: next, isChanged: true };
    });
    if (isChanged) this.changed();
    return notice;
  }

  // --- parts of the register's cross-store writes -------------------------------------------

  async stageReplaceAll(notices: readonly PrivacyNoticeVersion[]): Promise<StagedWrite> {
    return this.notifying(await this.store.stageReplaceAll(notices));
  }

  async close(): Promise<void> {
    await this.store.close();
    this.changed();
    this.forgetListeners();
  }
}
