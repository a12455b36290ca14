import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { ZodError } from 'zod';
import { findLikelyDuplicates } from '../../../../shared/domain/duplicates';
import { EMPTY_CUSTOMER_DRAFT, toDraft, type ConsentDraftInput, type CustomerDraft } from '../../../../shared/schemas/customer';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { fieldErrors } from '../../components/form-errors';
import { StatusMessage } from '../../components/StatusMessage';
import { MergeNotUndoableError, type Register } from '../../db/register';
import { CustomerRestrictedError, RequestStateError } from '../../db/errors';
import { showDate } from '../requests/request-text';
import { journalCustomer } from '../session/audit';
import { useSession } from '../session/SessionContext';
import { CustomerDetails } from './CustomerDetails';
import { CustomerForm, type CustomerFormDraft, type SaveOutcome } from './CustomerForm';
import { CustomerResults, optionId } from './CustomerResults';
import { MergeHistory } from './MergeHistory';
import { MergePicker } from './MergePicker';
import { MergePreview } from './MergePreview';
import './customers.css';

type Pane =
  | { kind: 'none' }
  | { kind: 'view'; id: string }
  /** `requestId`: editing under a rectification request, to which the saved changes are linked. */
  | { kind: 'edit'; id: string; requestId?: string }
  | { kind: 'new' }
  | { kind: 'merge-pick'; id: string }
  | { kind: 'merge'; survivorId: string; otherId: string; isAfterCreate: boolean }
  | { kind: 'merges' };

const LIST_ID = 'customer-results';
/** Likely duplicates shown before saving a new customer. */
const MAX_DUPLICATES = 5;

/** A new customer: source and legal basis are chosen, never preselected (see CustomerFormDraft). */
const NEW_CUSTOMER: CustomerFormDraft = { ...EMPTY_CUSTOMER_DRAFT, source: '', legalBasis: '' };

/**
 * The front desk: search on the left (Ctrl+K, arrows, Enter), the customer on the right.
 * All customer data on screen comes from the repository of the unlocked session.
 */
export interface CustomersScreenProps {
  register: Register;
  /** A customer another view asked to show (day view → customer); opened once, then `onOpened`. */
  openCustomerId?: string | null | undefined;
  /** With `openCustomerId`: open the record for editing under this rectification request. */
  rectifyRequestId?: string | null | undefined;
  onOpened?: (() => void) | undefined;
}

export function CustomersScreen({ register, openCustomerId = null, rectifyRequestId = null, onOpened }: CustomersScreenProps) {
  const repository = register.customers;
  const { t, i18n } = useTranslation();
  const session = useSession();
  const version = useSyncExternalStore(repository.subscribe.bind(repository), () => repository.version);
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [pane, setPane] = useState<Pane>({ kind: 'none' });
  const [isDeleteOpen, setDeleteOpen] = useState(false);
  const [isUndoing, setUndoing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  /** Set by actions inside the detail pane: the pane that follows gets focus, so the keyboard user is not left on <body>. */
  const shouldFocusPane = useRef(false);
  const isReceptionist = repository.role !== 'owner';
  const healthNotesEnabled = session.status === 'unlocked' && session.session.settings.healthNotesEnabled;
  const users = session.status === 'unlocked' ? session.vault.users : null;

  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` changes when the register does
  const results = useMemo(() => repository.search(query), [repository, query, version]);
  const activeId = results[Math.min(activeIndex, results.length - 1)];
  // Merges change only together with customers, so `version` covers them too.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  const merges = useMemo(() => register.undoableMerges(), [register, version]);
  const getCustomer = useCallback((id: string) => repository.get(id), [repository]);

  const userName = useCallback(
    (userId: string | null) => users?.find((user) => user.id === userId)?.name ?? t('record.consent.unknownUser'),
    [users, t],
  );

  const focusSearch = useCallback(() => {
    searchRef.current?.focus();
    searchRef.current?.select();
  }, []);

  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.altKey && (event.key === 'k' || event.key === 'f')) {
        event.preventDefault();
        focusSearch();
      } else if (event.altKey && !mod && (event.key === 'n' || event.code === 'KeyN')) {
        event.preventDefault();
        setPane({ kind: 'new' });
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [focusSearch]);

  useEffect(() => {
    if (!shouldFocusPane.current) return;
    shouldFocusPane.current = false;
    document.querySelector<HTMLElement>('.detail-pane h2[tabindex="-1"]')?.focus();
  }, [pane]);

  /** Shows `next` in the detail pane and moves focus to its heading (after an action there). */
  function show(next: Pane) {
    shouldFocusPane.current = true;
    setPane(next);
  }

  // Another view asked for this customer (e.g. a name in the day view).
  useEffect(() => {
    if (openCustomerId === null || !repository.get(openCustomerId)) return;
    open(openCustomerId, rectifyRequestId);
    onOpened?.();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per request
  }, [openCustomerId]);

  /** Opens a customer; with `rectifyRequestId`, straight into editing under that rectification request. */
  function open(id: string, rectifyRequestId: string | null = null) {
    setPane(rectifyRequestId === null ? { kind: 'view', id } : { kind: 'edit', id, requestId: rectifyRequestId });
    setStatus(null);
    void journalCustomer('customer.opened', id);
  }

  function onSearchKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = results.length - 1;
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key in step) {
      event.preventDefault();
      setActiveIndex((i) => Math.max(0, Math.min(last, i + step[event.key]!)));
    } else if (event.key === 'Enter' && activeId) {
      event.preventDefault();
      open(activeId);
    } else if (event.key === 'Escape' && query !== '') {
      event.preventDefault();
      setQuery('');
      setActiveIndex(0);
    }
  }

  const findDuplicates = useCallback(
    (draft: CustomerDraft) => findLikelyDuplicates(draft, repository.values(), { limit: MAX_DUPLICATES }),
    [repository],
  );

  /** A refusal of the data layer (e.g. health notes without consent) goes back to its field. */
  function refused(error: unknown): SaveOutcome {
    // A restricted customer (GDPR Art. 18) is read-only: say why, rather than "saving failed".
    if (error instanceof CustomerRestrictedError) setStatus(t('gdpr.card.restrictedError'));
    return error instanceof ZodError ? { ok: false, errors: fieldErrors(error) } : { ok: false };
  }

  async function saveNew(draft: CustomerDraft, consents: ConsentDraftInput[], mergeInto: string | null): Promise<SaveOutcome> {
    try {
      // One write: the customer and the consents given at the desk, or nothing.
      const [saved] = await repository.createMany([draft], Date.now(), [consents]);
      void journalCustomer('customer.created', saved!.id);
      if (mergeInto !== null && repository.get(mergeInto)) {
        void journalCustomer('customer.opened', mergeInto);
        show({ kind: 'merge', survivorId: mergeInto, otherId: saved!.id, isAfterCreate: true });
        setStatus(t('customers.created'));
      } else {
        show({ kind: 'view', id: saved!.id });
        setStatus(t('customers.created'));
      }
      return { ok: true };
    } catch (error) {
      return refused(error);
    }
  }

  async function saveEdit(id: string, draft: CustomerDraft, requestId?: string): Promise<SaveOutcome> {
    try {
      // Under a rectification request the change and its link to the request are one write.
      const before = repository.get(id);
      const saved = await repository.update(id, draft, requestId === undefined ? {} : { requestId });
      show({ kind: 'view', id: saved.id });
      // Nothing changed is nothing rectified: the request gets no link, and the owner is told so.
      setStatus(requestId === undefined ? t('customers.saved') : saved === before ? t('gdpr.rectify.unchanged') : t('gdpr.rectify.saved'));
      void journalCustomer('customer.updated', saved.id);
      return { ok: true };
    } catch (error) {
      // The request was closed (or changed) meanwhile: say so rather than "saving failed".
      if (error instanceof RequestStateError) {
        setStatus(t('gdpr.rectify.requestClosed'));
        return { ok: false };
      }
      return refused(error);
    }
  }

  async function confirmDelete() {
    if (pane.kind !== 'view') return;
    setDeleteOpen(false);
    try {
      await register.eraseCustomer(pane.id);
      void journalCustomer('customer.deleted', pane.id);
      setPane({ kind: 'none' });
      setStatus(t('customers.deleted'));
      focusSearch();
    } catch {
      setStatus(t('customers.saveFailed'));
    }
  }

  function startMerge(survivorId: string, otherId: string) {
    // The preview shows the other customer's record in full: that is opening it.
    void journalCustomer('customer.opened', otherId);
    setStatus(null);
    show({ kind: 'merge', survivorId, otherId, isAfterCreate: false });
  }

  async function undoMerge(mergeId: string) {
    const record = merges.find((merge) => merge.id === mergeId);
    if (!record || isUndoing) return;
    const survivorId = record.survivorBefore.id;
    const names = {
      merged: `${record.merged.firstName} ${record.merged.lastName}`,
      survivor: `${record.survivorBefore.firstName} ${record.survivorBefore.lastName}`,
    };
    setUndoing(true);
    try {
      await register.undoMerge(mergeId);
      void journalCustomer('customer.merge_undone', survivorId);
      setStatus(t('record.merges.undone', names));
      // Focus returns to the pane's heading: the button pressed is gone now.
      show(pane.kind === 'view' && pane.id !== survivorId && pane.id !== record.merged.id ? { kind: 'view', id: survivorId } : { ...pane });
    } catch (error) {
      setStatus(error instanceof MergeNotUndoableError ? t('record.merges.notUndoable', { survivor: names.survivor }) : t('record.merges.failed'));
    } finally {
      setUndoing(false);
    }
  }

  const selected = pane.kind === 'view' || pane.kind === 'edit' || pane.kind === 'merge-pick' ? repository.get(pane.id) : undefined;

  function detailPane() {
    switch (pane.kind) {
      case 'new':
        return (
          <CustomerForm
            key="new"
            title={t('customers.newTitle')}
            initial={NEW_CUSTOMER}
            healthNotesEnabled={healthNotesEnabled}
            findDuplicates={findDuplicates}
            getCustomer={getCustomer}
            maskContacts={isReceptionist}
            onOpenExisting={(id) => {
              shouldFocusPane.current = true;
              open(id);
            }}
            onSave={saveNew}
            onCancel={() => setPane({ kind: 'none' })}
          />
        );
      case 'edit': {
        const request = pane.requestId === undefined ? undefined : register.requests.get(pane.requestId);
        return selected ? (
          <>
            {request ? (
              <p className="rectify-banner" role="note">
                {t('gdpr.rectify.banner', { received: showDate(request.receivedDate, i18n.language), requester: request.requesterName })}
              </p>
            ) : null}
          <CustomerForm
            key={`edit-${selected.id}`}
            title={request ? t('gdpr.rectify.title') : t('customers.editTitle')}
            initial={toDraft(selected)}
            customer={selected}
            healthNotesEnabled={healthNotesEnabled}
            getCustomer={getCustomer}
            maskContacts={isReceptionist}
            onSave={(draft) => saveEdit(selected.id, draft, request?.id)}
            onCancel={() => show({ kind: 'view', id: selected.id })}
          />
          </>
        ) : null;
      }
      case 'view':
        return selected ? (
          <>
            <CustomerDetails
              key={selected.id}
              customer={selected}
              register={register}
              healthNotesEnabled={healthNotesEnabled}
              userName={userName}
              merges={merges.filter((merge) => merge.survivorBefore.id === selected.id && register.canUndoMerge(merge.id))}
              onUndoMerge={(id) => void undoMerge(id)}
              onEdit={() => setPane({ kind: 'edit', id: selected.id })}
              onMerge={() => show({ kind: 'merge-pick', id: selected.id })}
              onDelete={isReceptionist ? undefined : () => setDeleteOpen(true)}
            />
            <ConfirmDialog
              isOpen={isDeleteOpen}
              title={t('customers.deleteTitle')}
              body={t('customers.deleteBody', { name: `${selected.firstName} ${selected.lastName}` })}
              confirmLabel={t('customers.deleteConfirm')}
              cancelLabel={t('customers.cancel')}
              onConfirm={() => void confirmDelete()}
              onCancel={() => setDeleteOpen(false)}
              isDestructive
            />
          </>
        ) : null;
      case 'merge-pick':
        return selected ? (
          <MergePicker
            customer={selected}
            repository={repository}
            maskContacts={isReceptionist}
            onPick={(otherId) => startMerge(selected.id, otherId)}
            onCancel={() => show({ kind: 'view', id: selected.id })}
          />
        ) : null;
      case 'merge': {
        const survivor = repository.get(pane.survivorId);
        const other = repository.get(pane.otherId);
        if (!survivor || !other) return <p className="placeholder">{t('record.merge.gone')}</p>;
        return (
          <MergePreview
            key={`${survivor.id}-${other.id}`}
            register={register}
            survivor={survivor}
            other={other}
            isAfterCreate={pane.isAfterCreate}
            onSwap={() => setPane({ ...pane, survivorId: pane.otherId, otherId: pane.survivorId })}
            onMerged={(record) => {
              show({ kind: 'view', id: record.survivorBefore.id });
              setStatus(t('record.merge.done'));
            }}
            onCancel={() => show({ kind: 'view', id: pane.isAfterCreate ? pane.otherId : pane.survivorId })}
          />
        );
      }
      case 'merges':
        return <MergeHistory merges={merges} getCustomer={getCustomer} canUndo={(mergeId) => register.canUndoMerge(mergeId)} isBusy={isUndoing} onUndo={(id) => void undoMerge(id)} onClose={() => setPane({ kind: 'none' })} />;
      default:
        return null;
    }
  }

  const shown = detailPane();

  return (
    <div className="customers">
      <section className="list-pane" aria-labelledby="customers-title">
        <div className="list-header">
          <h1 id="customers-title">{t('customers.title')}</h1>
          <Button className="button button-primary" onPress={() => setPane({ kind: 'new' })} aria-keyshortcuts="Alt+N">
            {t('customers.new')}
          </Button>
        </div>
        <label htmlFor="customer-search" className="field-label">
          {t('customers.search')}
        </label>
        <input
          ref={searchRef}
          id="customer-search"
          className="field-input search-input"
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={LIST_ID}
          aria-autocomplete="list"
          aria-activedescendant={activeId ? optionId(LIST_ID, activeId) : undefined}
          aria-describedby="customer-search-hint"
          aria-keyshortcuts="Control+K"
          placeholder={t('customers.searchPlaceholder')}
          value={query}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          onChange={(e) => {
            setQuery(e.target.value);
            setActiveIndex(0);
          }}
          onKeyDown={onSearchKeyDown}
        />
        <p id="customer-search-hint" className="field-hint">
          {t('customers.searchHint')}
        </p>
        <p className="result-count" aria-live="polite">
          {repository.count === 0 ? t('customers.empty') : results.length === 0 ? t('customers.noResults') : t('customers.results', { count: results.length })}
        </p>
        {isReceptionist ? <p className="field-hint">{t('customers.maskedHint')}</p> : null}
        <CustomerResults
          id={LIST_ID}
          label={t('customers.title')}
          ids={results}
          activeIndex={activeIndex}
          getCustomer={getCustomer}
          onOpen={open}
          maskContacts={isReceptionist}
        />
        {merges.length > 0 ? (
          <Button className="link-button merges-link" onPress={() => setPane({ kind: 'merges' })}>
            {t('record.merges.open')} ({merges.length})
          </Button>
        ) : null}
      </section>
      <section className="detail-pane" aria-label={t('customers.title')}>
        <StatusMessage message={status} />
        {shown ?? <p className="placeholder">{t('customers.selectPrompt')}</p>}
      </section>
    </div>
  );
}
