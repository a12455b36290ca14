import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { CsvFile } from '../../../../shared/domain/csv-import';
import { delimiterKey, formatCount } from './import-text';

export interface FileSummaryProps {
  fileName: string;
  file: CsvFile;
  /** Non-blank data rows. */
  rowCount: number;
  onChooseAnother: () => void;
  isBusy: boolean;
}

/** What was read: the file's name, encoding, delimiter and number of customer rows. */
export function FileSummary({ fileName, file, rowCount, onChooseAnother, isBusy }: FileSummaryProps) {
  const { t, i18n } = useTranslation();
  return (
    <section className="import-file" aria-label={t('csvImport.file.summaryLabel')}>
      <dl className="import-file-facts">
        <div>
          <dt>{t('csvImport.file.name')}</dt>
          <dd className="import-file-name">{fileName}</dd>
        </div>
        <div>
          <dt>{t('csvImport.file.encoding')}</dt>
          <dd>{t(`csvImport.file.encodings.${file.encoding}`)}</dd>
        </div>
        <div>
          <dt>{t('csvImport.file.delimiter')}</dt>
          <dd>{t(`csvImport.file.delimiters.${delimiterKey(file.delimiter)}`)}</dd>
        </div>
        <div>
          <dt>{t('csvImport.file.rows')}</dt>
          <dd className="numeric">{formatCount(rowCount, i18n.language)}</dd>
        </div>
      </dl>
      <Button className="button" onPress={onChooseAnother} isDisabled={isBusy}>
        {t('csvImport.file.chooseAnother')}
      </Button>
    </section>
  );
}
