import { useTranslation } from 'react-i18next';
import type { DuplicateFlag, ValidImportRow } from '../../../../shared/domain/csv-import';
import type { CustomerRepository } from '../../db/customer-repository';
import { MAX_LISTED } from './ImportErrorsTable';

export interface DuplicatesTableProps {
  duplicates: readonly DuplicateFlag[];
  valid: readonly ValidImportRow[];
  customers: CustomerRepository;
}

/** Rows that look like a customer already in the register, or like an earlier row, and why. */
export function DuplicatesTable({ duplicates, valid, customers }: DuplicatesTableProps) {
  const { t } = useTranslation();
  const byRow = new Map(valid.map((row) => [row.rowNumber, row]));
  const listed = duplicates.slice(0, MAX_LISTED);
  const reason = (flag: DuplicateFlag): string => {
    if (flag.existingId !== null) {
      const existing = customers.get(flag.existingId);
      const name = existing ? `${existing.firstName} ${existing.lastName}` : '';
      return t(`csvImport.review.sameAsCustomer.${flag.by}`, { name });
    }
    return t(`csvImport.review.sameAsRow.${flag.by}`, { row: flag.firstRowNumber ?? 0 });
  };
  return (
    <div className="table-scroll">
      <table className="admin-table import-duplicates">
        <caption>{t('csvImport.review.duplicatesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('csvImport.review.columns.row')}</th>
            <th scope="col">{t('csvImport.review.columns.customer')}</th>
            <th scope="col">{t('csvImport.review.columns.match')}</th>
          </tr>
        </thead>
        <tbody>
          {listed.map((flag) => {
            const draft = byRow.get(flag.rowNumber)?.draft;
            return (
              <tr key={flag.rowNumber}>
                <th scope="row" className="numeric">
                  {flag.rowNumber}
                </th>
                <td>{draft ? `${draft.firstName} ${draft.lastName}` : ''}</td>
                <td>{reason(flag)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {duplicates.length > listed.length ? (
        <p className="muted">{t('csvImport.review.duplicatesShown', { shown: listed.length, count: duplicates.length })}</p>
      ) : null}
    </div>
  );
}
