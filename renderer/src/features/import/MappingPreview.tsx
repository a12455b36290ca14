import { useTranslation } from 'react-i18next';
import {
  IMPORT_CONSENTS,
  IMPORT_TARGETS,
  isExplicitYes,
  PREVIEW_ROWS,
  type ColumnMapping,
  type CsvFile,
  type ImportConsent,
  type ImportTarget,
} from '../../../../shared/domain/csv-import';
import { shortValue } from './import-text';

const isConsent = (target: ImportTarget): target is ImportConsent => (IMPORT_CONSENTS as readonly string[]).includes(target);

/**
 * The first rows as the mapping would import them: one column per mapped field, consents as
 * the yes / no they would become, so a wrong column or a "maybe" consent shows before anything
 * is checked or saved.
 */
export function MappingPreview({ file, mapping }: { file: CsvFile; mapping: ColumnMapping }) {
  const { t } = useTranslation();
  const targets = IMPORT_TARGETS.filter((target) => mapping[target] !== null);
  const rows: { rowNumber: number; cells: readonly string[] }[] = [];
  for (let i = 0; i < file.rows.length && rows.length < PREVIEW_ROWS; i += 1) {
    const cells = file.rows[i]!;
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ rowNumber: i + 2, cells });
  }
  if (rows.length === 0) return <p className="muted">{t('csvImport.mapping.noRows')}</p>;
  if (targets.length === 0) return <p className="muted">{t('csvImport.mapping.nothingMapped')}</p>;
  const show = (target: ImportTarget, cells: readonly string[]): string => {
    const cell = cells[mapping[target] ?? -1] ?? '';
    if (isConsent(target)) return isExplicitYes(cell) ? t('csvImport.mapping.yes') : t('csvImport.mapping.no');
    return shortValue(cell, 40);
  };
  const caption = t('csvImport.mapping.previewCaption', { count: rows.length });
  // Wide files scroll sideways; the region takes focus so the keyboard can scroll it too.
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="admin-table import-preview">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('csvImport.mapping.row')}</th>
            {targets.map((target) => (
              <th key={target} scope="col">
                {t(`csvImport.fields.${target}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rowNumber}>
              <th scope="row" className="numeric">
                {row.rowNumber}
              </th>
              {targets.map((target) => (
                <td key={target}>{show(target, row.cells)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
