import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { EMPTY_CUSTOMER_DRAFT, toDraft, type CustomerDraft } from '../../../../shared/schemas/customer';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { StatusMessage } from '../../components/StatusMessage';
import type { Register } from '../../db/register';
import { CustomerDetails } from './CustomerDetails';
import { CustomerForm } from './CustomerForm';
import { journalCustomer } from '../session/audit';
import { CustomerResults, optionId } from './CustomerResults';

type Pane = { kind: 'none' } | { kind: 'view'; id: string } | { kind: 'edit'; id: string } | { kind: 'new' };

const LIST_ID = 'customer-results';

/**
 * The front desk: search on the left (Ctrl+K, arrows, Enter), the customer on the right.
 * All customer data on screen comes from the repository of the unlocked session.
 */
export interface CustomersScreenProps {
  register: Register;
  /** A customer another view asked to show (day view → customer); opened once, then `onOpened`. */
  openCustomerId?: string | null | undefined;
  onOpened?: (() => void) | undefined;
}

export function CustomersScreen({ register, openCustomerId = null, onOpened }: CustomersScreenProps) {
  const repository = register.customers;
  const { t } = useTranslation();
  const version = useSyncExternalStore(repository.subscribe.bind(repository), () => repository.version);
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [pane, setPane] = useState<Pane>({ kind: 'none' });
  const [isDeleteOpen, setDeleteOpen] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const isReceptionist = repository.role !== 'owner';

  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` changes when the register does
  const results = useMemo(() => repository.search(query), [repository, query, version]);
  const activeId = results[Math.min(activeIndex, results.length - 1)];

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

  // Another view asked for this customer (e.g. a name in the day view).
  useEffect(() => {
    if (openCustomerId === null || !repository.get(openCustomerId)) return;
    open(openCustomerId);
    onOpened?.();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per request
  }, [openCustomerId]);

  function open(id: string) {
    setPane({ kind: 'view', id });
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

  async function save(draft: CustomerDraft): Promise<boolean> {
    try {
      if (pane.kind === 'edit') {
        const saved = await repository.update(pane.id, draft);
        setPane({ kind: 'view', id: saved.id });
        setStatus(t('customers.saved'));
        void journalCustomer('customer.updated', saved.id);
      } else {
        const saved = await repository.create(draft);
        setPane({ kind: 'view', id: saved.id });
        setStatus(t('customers.created'));
        void journalCustomer('customer.created', saved.id);
      }
      return true;
    } catch {
      return false;
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

  const selected = pane.kind === 'view' || pane.kind === 'edit' ? repository.get(pane.id) : undefined;

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
          getCustomer={(id) => repository.get(id)}
          onOpen={open}
          maskContacts={isReceptionist}
        />
      </section>
      <section className="detail-pane" aria-label={t('customers.title')}>
        <StatusMessage message={status} />
        {pane.kind === 'new' ? (
          <CustomerForm key="new" title={t('customers.newTitle')} initial={EMPTY_CUSTOMER_DRAFT} onSave={save} onCancel={() => setPane({ kind: 'none' })} />
        ) : pane.kind === 'edit' && selected ? (
          <CustomerForm key={`edit-${selected.id}`} title={t('customers.editTitle')} initial={toDraft(selected)} onSave={save} onCancel={() => setPane({ kind: 'view', id: selected.id })} />
        ) : pane.kind === 'view' && selected ? (
          <>
            <CustomerDetails
              customer={selected}
              onEdit={() => setPane({ kind: 'edit', id: selected.id })}
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
        ) : (
          <p className="placeholder">{t('customers.selectPrompt')}</p>
        )}
      </section>
    </div>
  );
}
