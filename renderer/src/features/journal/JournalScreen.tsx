import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { JOURNAL_ACTIONS, type JournalAction, type JournalEntry, type JournalFilter } from '../../../../shared/schemas/journal';
import { TextField } from '../../components/TextField';
import { ErrorMessage } from '../../components/StatusMessage';
import { formatDateTime } from '../../i18n/format';
import { invoke } from '../../ipc/client';
import { JournalVerifyPanel } from './JournalVerifyPanel';

export interface JournalScreenProps {
  /**
   * The session's users (from vault.status: enabled ones, as they were at sign-in). The screen
   * adds main's full list (users.list, disabled users included), so a user added or disabled
   * since is named and can be filtered by too. An id in neither (a removed user) shows as a
   * short id.
   */
  users: readonly { id: string; name: string }[];
}

type NamedUser = JournalScreenProps['users'][number];

/** Main's current list first (register order), then anyone only the session still knew. */
function mergeUsers(listed: readonly NamedUser[], known: readonly NamedUser[]): NamedUser[] {
  const ids = new Set(listed.map((u) => u.id));
  return [...listed, ...known.filter((u) => !ids.has(u.id))];
}

const PAGE_SIZE = 100;

interface Filters {
  userId: string;
  action: JournalAction | '';
  recordId: string;
}

const NO_FILTERS: Filters = { userId: '', action: '', recordId: '' };

interface Page {
  entries: JournalEntry[];
  total: number;
}

/** The first characters of an opaque id: enough to tell records apart on screen. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

function newestFirst(entries: JournalEntry[]): JournalEntry[] {
  return entries.toSorted((a, b) => b.seq - a.seq);
}

function toRequest(filters: Filters, beforeSeq?: number): JournalFilter {
  return {
    limit: PAGE_SIZE,
    ...(filters.userId ? { userId: filters.userId } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.recordId.trim() ? { recordId: filters.recordId.trim() } : {}),
    ...(beforeSeq === undefined ? {} : { beforeSeq }),
  };
}

/**
 * The owner's view of the audit journal main keeps: filter by user, action and record, newest
 * first, 100 at a time; and a check of the hash chain that reports the first broken line.
 */
export function JournalScreen({ users: sessionUsers }: JournalScreenProps) {
  const { t, i18n } = useTranslation();
  const [listedUsers, setListedUsers] = useState<readonly NamedUser[]>([]);
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState<Page | null>(null);
  const [isLoadingMore, setLoadingMore] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const requestRef = useRef(0);
  const tableRef = useRef<HTMLTableElement>(null);
  const userSelectId = useId();
  const actionSelectId = useId();

  const users = mergeUsers(listedUsers, sessionUsers);
  const names = new Map(users.map((u) => [u.id, u.name]));

  // vault.status leaves disabled users out and is read at sign-in; the owner's list has everyone.
  useEffect(() => {
    let isCurrent = true;
    void invoke('users.list', undefined).then((listed) => {
      if (isCurrent && listed.ok) setListedUsers(listed.value.map(({ id, name }) => ({ id, name })));
    });
    return () => {
      isCurrent = false;
    };
  }, []);

  // Every filter change starts a fresh first page; a reply for older filters is dropped.
  useEffect(() => {
    const request = ++requestRef.current;
    void invoke('journal.list', toRequest(filters)).then((result) => {
      if (request !== requestRef.current) return;
      if (result.ok) {
        setPage({ entries: newestFirst(result.value.entries), total: result.value.total });
        setFailure(null);
      } else {
        setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
      }
    });
  }, [filters, t]);

  const loadMore = useCallback(async () => {
    if (!page || isLoadingMore) return;
    const last = page.entries.at(-1);
    if (!last) return;
    const request = ++requestRef.current;
    setLoadingMore(true);
    const result = await invoke('journal.list', toRequest(filters, last.seq));
    setLoadingMore(false);
    if (request !== requestRef.current) return;
    if (!result.ok) {
      setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
      return;
    }
    const entries = newestFirst([...page.entries, ...result.value.entries]);
    setPage({ entries, total: result.value.total });
    // The button disappears with the last page: keep keyboard users in the table.
    if (entries.length >= result.value.total) tableRef.current?.focus();
  }, [page, isLoadingMore, filters, t]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters({ ...draft, recordId: draft.recordId.trim() });
  }

  function choose(next: Partial<Filters>) {
    const merged = { ...draft, ...next };
    setDraft(merged);
    // Selects apply at once; the id applies on Enter or with the button.
    setFilters({ ...merged, recordId: filters.recordId });
  }

  function clear() {
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
  }

  const userName = (id: string | null) => (id === null ? t('admin.journal.noUser') : (names.get(id) ?? shortId(id)));
  const detail = (word: string | null) =>
    word === null ? '' : t(`admin.journal.details.${word}` as 'admin.journal.details.manual', { defaultValue: word });
  const hasMore = page !== null && page.entries.length < page.total;

  return (
    <section className="admin-screen journal-screen" aria-labelledby="journal-title">
      <h1 id="journal-title">{t('admin.journal.title')}</h1>
      <p className="lead">{t('admin.journal.intro')}</p>

      <JournalVerifyPanel />

      <Form onSubmit={onSubmit} className="journal-filters" aria-labelledby="journal-filters-title">
        <h2 id="journal-filters-title">{t('admin.journal.filters')}</h2>
        <div className="filter-row">
          <div className="field">
            <label htmlFor={userSelectId} className="field-label">
              {t('admin.journal.user')}
            </label>
            <select id={userSelectId} className="field-input" value={draft.userId} onChange={(e) => choose({ userId: e.target.value })}>
              <option value="">{t('admin.journal.allUsers')}</option>
              {users.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={actionSelectId} className="field-label">
              {t('admin.journal.action')}
            </label>
            <select
              id={actionSelectId}
              className="field-input"
              value={draft.action}
              onChange={(e) => choose({ action: (JOURNAL_ACTIONS as readonly string[]).includes(e.target.value) ? (e.target.value as JournalAction) : '' })}
            >
              <option value="">{t('admin.journal.allActions')}</option>
              {JOURNAL_ACTIONS.map((action) => (
                <option key={action} value={action}>
                  {t(`admin.actions.${action}`)}
                </option>
              ))}
            </select>
          </div>
          <TextField
            name="recordId"
            label={t('admin.journal.record')}
            hint={t('admin.journal.recordHint')}
            value={draft.recordId}
            onChange={(recordId) => setDraft((d) => ({ ...d, recordId }))}
            maxLength={64}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" className="button button-primary">
            {t('admin.journal.apply')}
          </Button>
          <Button className="button" onPress={clear}>
            {t('admin.journal.clear')}
          </Button>
        </div>
      </Form>

      <ErrorMessage message={failure} />
      <p className="result-count" role="status" aria-live="polite">
        {page === null ? t('admin.journal.loading') : page.total === 0 ? t('admin.journal.none') : t('admin.journal.shown', { shown: page.entries.length, count: page.total })}
      </p>

      {page !== null && page.entries.length > 0 ? (
        <div className="table-scroll">
          <table className="admin-table journal-table" ref={tableRef} tabIndex={-1}>
            <caption>{t('admin.journal.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.journal.columns.seq')}</th>
                <th scope="col">{t('admin.journal.columns.at')}</th>
                <th scope="col">{t('admin.journal.columns.user')}</th>
                <th scope="col">{t('admin.journal.columns.action')}</th>
                <th scope="col">{t('admin.journal.columns.record')}</th>
                <th scope="col">{t('admin.journal.columns.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {page.entries.map((entry) => (
                <tr key={entry.seq}>
                  <td className="numeric">{entry.seq}</td>
                  <td className="nowrap">
                    <time dateTime={new Date(entry.at).toISOString()}>{formatDateTime(entry.at, i18n.language)}</time>
                  </td>
                  <td>{userName(entry.userId)}</td>
                  <td>{t(`admin.actions.${entry.action}`)}</td>
                  <td>
                    {entry.recordId === null ? null : names.has(entry.recordId) ? (
                      names.get(entry.recordId)
                    ) : (
                      <code title={t('admin.journal.fullId', { id: entry.recordId })}>{shortId(entry.recordId)}</code>
                    )}
                  </td>
                  <td>{detail(entry.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {hasMore ? (
        <Button className="button" isPending={isLoadingMore} onPress={() => void loadMore()}>
          {isLoadingMore ? t('admin.journal.loadingMore') : t('admin.journal.more')}
        </Button>
      ) : null}
    </section>
  );
}
