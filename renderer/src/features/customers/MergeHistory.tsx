import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { Customer } from '../../../../shared/schemas/customer';
import type { MergeRecord } from '../../db/register';
import { formatDateTime } from '../../i18n/format';

export interface MergeHistoryProps {
  merges: readonly MergeRecord[];
  getCustomer: (id: string) => Customer | undefined;
  /** The register's own rule (Register.canUndoMerge), so the screen never disagrees with it. */
  canUndo: (mergeId: string) => boolean;
  isBusy: boolean;
  onUndo: (mergeId: string) => void;
  onClose: () => void;
}

/**
 * Recent merges that can still be undone: until the next backup makes them final, and only while
 * the survivor has not been changed since (undoing would lose that change).
 */
export function MergeHistory({ merges, getCustomer, canUndo: isUndoable, isBusy, onUndo, onClose }: MergeHistoryProps) {
  const { t, i18n } = useTranslation();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const name = (customer: Customer) => `${customer.firstName} ${customer.lastName}`;
  return (
    <section
      className="merge-history"
      aria-labelledby="merge-history-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h2 id="merge-history-title" ref={headingRef} tabIndex={-1}>
        {t('record.merges.title')}
      </h2>
      <p className="lead">{t('record.merges.intro')}</p>
      {merges.length === 0 ? (
        <p className="muted">{t('record.merges.none')}</p>
      ) : (
        <ul className="pick-list">
          {merges.map((merge) => {
            const survivor = getCustomer(merge.survivorBefore.id) ?? merge.survivorBefore;
            const canUndo = isUndoable(merge.id);
            return (
              <li key={merge.id} className="pick-item">
                <span>
                  {t('record.merges.entry', { at: formatDateTime(merge.at, i18n.language), merged: name(merge.merged), survivor: name(survivor) })}
                  {canUndo ? null : <span className="muted block">{t('record.merges.notUndoable', { survivor: name(survivor) })}</span>}
                </span>
                {canUndo ? (
                  <Button className="button button-small" onPress={() => onUndo(merge.id)} isDisabled={isBusy}>
                    {isBusy ? t('record.merges.undoing') : t('record.merges.undo')}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <div className="form-actions">
        <Button className="button" onPress={onClose}>
          {t('record.merges.close')}
        </Button>
      </div>
    </section>
  );
}
