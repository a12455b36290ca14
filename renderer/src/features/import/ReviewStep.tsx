import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { planImport, type CsvFile, type ImportChoices, type ImportValidation } from '../../../../shared/domain/csv-import';
import { ErrorMessage } from '../../components/StatusMessage';
import type { CustomerRepository } from '../../db/customer-repository';
import { DuplicatesTable } from './DuplicatesTable';
import { ImportErrorsTable } from './ImportErrorsTable';

export interface ReviewStepProps {
  validation: ImportValidation;
  file: CsvFile;
  systemName: string;
  customers: CustomerRepository;
  choices: ImportChoices;
  onChoicesChange: (choices: ImportChoices) => void;
  onBack: () => void;
  onImport: () => void;
  isBusy: boolean;
  /** Translated failure of the last commit attempt. */
  error: string | null;
}

/**
 * The result of the check, before anything is saved: counts, every error with its row number,
 * possible duplicates, and the two explicit choices (skip the rows with errors; what to do with
 * duplicates). The import button stays disabled while rows with errors are neither fixed nor
 * explicitly skipped.
 */
export function ReviewStep({ validation, file, systemName, customers, choices, onChoicesChange, onBack, onImport, isBusy, error }: ReviewStepProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const invalidCount = validation.invalid.length;
  const duplicateCount = validation.duplicates.length;
  const plan = planImport(validation, choices);
  // How many an import would take once the bad rows are skipped: the button says so even while disabled.
  const wouldImport = planImport(validation, { ...choices, skipInvalid: true });
  const importCount = wouldImport.status === 'ready' ? wouldImport.rows.length : 0;
  const hint =
    plan.status === 'ready' ? null : plan.reason === 'invalid_rows' ? t('csvImport.review.blocked') : t('csvImport.review.nothing');

  return (
    <div className="import-review">
      <ul className="import-counts" aria-label={t('csvImport.review.countsLabel')}>
        <li className="import-count-ok">{t('csvImport.review.ready', { count: validation.valid.length })}</li>
        {invalidCount > 0 ? <li className="import-count-bad">{t('csvImport.review.invalid', { count: invalidCount })}</li> : null}
        {duplicateCount > 0 ? <li className="import-count-warn">{t('csvImport.review.duplicates', { count: duplicateCount })}</li> : null}
        {validation.blankRows.length > 0 ? <li className="muted">{t('csvImport.review.blank', { count: validation.blankRows.length })}</li> : null}
      </ul>

      {invalidCount > 0 ? (
        <section className="admin-section">
          <ImportErrorsTable invalid={validation.invalid} file={file} systemName={systemName} />
          <p className="field-hint">{t('csvImport.review.fixHint')}</p>
          <div className="form-actions">
            <Button className="button" onPress={onBack} isDisabled={isBusy}>
              {t('csvImport.review.fixMapping')}
            </Button>
          </div>
          <label className="import-check">
            <input
              type="checkbox"
              checked={choices.skipInvalid}
              disabled={isBusy}
              onChange={(event) => onChoicesChange({ ...choices, skipInvalid: event.target.checked })}
            />
            {t('csvImport.review.skipInvalid', { count: invalidCount })}
          </label>
        </section>
      ) : null}

      {duplicateCount > 0 ? (
        <section className="admin-section">
          <DuplicatesTable duplicates={validation.duplicates} valid={validation.valid} customers={customers} />
          <fieldset className="import-choice">
            <legend>{t('csvImport.review.duplicatesLegend')}</legend>
            <label className="import-check">
              <input
                type="radio"
                name="duplicates"
                value="skip"
                checked={choices.duplicates === 'skip'}
                disabled={isBusy}
                onChange={() => onChoicesChange({ ...choices, duplicates: 'skip' })}
              />
              {t('csvImport.review.duplicatesSkip')}
            </label>
            <label className="import-check">
              <input
                type="radio"
                name="duplicates"
                value="import"
                checked={choices.duplicates === 'import'}
                disabled={isBusy}
                onChange={() => onChoicesChange({ ...choices, duplicates: 'import' })}
              />
              {t('csvImport.review.duplicatesImport')}
            </label>
          </fieldset>
        </section>
      ) : null}

      <ErrorMessage message={error} />
      {hint ? (
        <p className="import-blocked" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className="form-actions">
        {invalidCount === 0 ? (
          <Button className="button" onPress={onBack} isDisabled={isBusy}>
            {t('csvImport.review.fixMapping')}
          </Button>
        ) : null}
        <Button
          className="button button-primary"
          onPress={onImport}
          isDisabled={isBusy || plan.status !== 'ready'}
          aria-describedby={hint ? hintId : undefined}
        >
          {t('csvImport.review.import', { count: plan.status === 'ready' ? plan.rows.length : importCount })}
        </Button>
      </div>
    </div>
  );
}
