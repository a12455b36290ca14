import { useVirtualizer, observeElementRect } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { maskEmail, maskPhone } from '../../../../shared/domain/masking';
import { formatPhone } from '../../../../shared/domain/phone';
import type { Customer } from '../../../../shared/schemas/customer';

const ROW_HEIGHT = 56;

export interface CustomerResultsProps {
  id: string;
  label: string;
  ids: readonly string[];
  activeIndex: number;
  getCustomer: (id: string) => Customer | undefined;
  onOpen: (id: string) => void;
  /** Receptionists see contact details masked in lists (issue 4); opening shows them in full. */
  maskContacts: boolean;
}

export const optionId = (listId: string, customerId: string) => `${listId}-${customerId}`;

/**
 * The result list, virtualised: only the rows in view exist in the DOM, so a register of
 * 100,000 customers renders as fast as one of ten. Focus stays in the search field
 * (aria-activedescendant), which is the combobox pattern screen readers know.
 */
export function CustomerResults({ id, label, ids, activeIndex, getCustomer, onOpen, maskContacts }: CustomerResultsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => ids[index] ?? index,
    // Before layout (and in layout-less DOMs) the list has no size yet; assume a screenful
    // rather than rendering nothing.
    observeElementRect: (instance, callback) =>
      observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : { width: rect.width, height: 600 })),
  });

  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < ids.length) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, ids.length, virtualizer]);

  return (
    <div ref={scrollRef} className="results-scroll">
      <div role="listbox" id={id} aria-label={label} className="results" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const customerId = ids[row.index]!;
          const customer = getCustomer(customerId);
          if (!customer) return null;
          const isActive = row.index === activeIndex;
          return (
            <div
              key={row.key}
              id={optionId(id, customerId)}
              role="option"
              aria-selected={isActive}
              aria-setsize={ids.length}
              aria-posinset={row.index + 1}
              className={isActive ? 'result result-active' : 'result'}
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onOpen(customerId)}
            >
              <span className="result-name">
                {customer.lastName} {customer.firstName}
              </span>
              <span className="result-contact">
                {(maskContacts
                  ? [maskPhone(customer.phone), maskEmail(customer.email)]
                  : [customer.phone ? formatPhone(customer.phone) : '', customer.email]
                )
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
