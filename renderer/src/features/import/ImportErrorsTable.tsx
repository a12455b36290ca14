import { useTranslation } from 'react-i18next';
import type { CsvFile, ImportCellError, InvalidImportRow } from '../../../../shared/domain/csv-import';
import { cellErrorText, shortValue } from './import-text';

/** Rows of the error table at most: enough to see the pattern, without a DOM of 50,000 rows. */
export const MAX_LISTED = 200;

export interface ImportErrorsTableProps {
  invalid: readonly InvalidImportRow[];
  file: CsvFile;
  systemName: string;
}

/** Every cell error with its spreadsheet row number, the value in the file and what is wrong with it. */
export function ImportErrorsTable({ invalid, file, systemName }: ImportErrorsTableProps) {
  const { t } = useTranslation();
  const errors: ImportCellError[] = [];
  let total = 0;
  for (const row of invalid) {
    total += row.errors.length;
    for (const error of row.errors) if (errors.length < MAX_LISTED) errors.push(error);
  }
  const valueOf = (error: ImportCellError): string => {
    const value = error.column === null ? (error.field === 'sourceDetail' ? systemName : '') : (file.rows[error.rowNumber - 2]?.[error.column] ?? '');
    return value.trim() === '' ? t('csvImport.review.emptyValue') : shortValue(value);
  };
  return (
    <div className="table-scroll">
      <table className="admin-table import-errors">
        <caption>{t('csvImport.review.errorsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('csvImport.review.columns.row')}</th>
            <th scope="col">{t('csvImport.review.columns.field')}</th>
            <th scope="col">{t('csvImport.review.columns.value')}</th>
            <th scope="col">{t('csvImport.review.columns.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error) => (
            <tr key={`${error.rowNumber}:${error.field}`}>
              <th scope="row" className="numeric">
                {error.rowNumber}
              </th>
              <td>{t(`csvImport.fields.${error.field}`)}</td>
              <td className="import-value">{valueOf(error)}</td>
              <td>{cellErrorText(t, error)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > errors.length ? (
        <p className="muted">{t('csvImport.review.errorsShown', { shown: errors.length, count: total})}</p>
      ) : null}
    </div>
  );
}
