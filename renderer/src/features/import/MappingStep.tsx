import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import {
  IMPORT_CONSENTS,
  IMPORT_FIELDS,
  type ColumnMapping,
  type CsvFile,
  type ImportTarget,
  type MappingProblem,
} from '../../../../shared/domain/csv-import';
import { TextField } from '../../components/TextField';
import { columnLetter, shortValue } from './import-text';
import { ColumnSelect } from './ColumnSelect';
import { MappingPreview } from './MappingPreview';

export interface MappingStepProps {
  file: CsvFile;
  mapping: ColumnMapping;
  onMappingChange: (target: ImportTarget, column: number | null) => void;
  systemName: string;
  onSystemNameChange: (name: string) => void;
  /** Translated, shown once the person has tried to go on. */
  systemNameError: string | undefined;
  /** Shown once the person has tried to go on. */
  problems: readonly MappingProblem[];
  isRemembered: boolean;
  isBusy: boolean;
  onCheck: () => void;
}

const REQUIRED: readonly ImportTarget[] = ['firstName', 'lastName'];

/** One select per field (which column it comes from), the system name, and a preview of the result. */
export function MappingStep(props: MappingStepProps) {
  const { t } = useTranslation();
  const { file, mapping, problems, isBusy } = props;
  const problemsId = useId();
  const options = file.headers.map((header, column) => (
    <option key={column} value={column}>
      {t('csvImport.mapping.column', { letter: columnLetter(column), name: header === '' ? t('csvImport.mapping.untitled') : shortValue(header, 50) })}
    </option>
  ));
  const unmapped = new Set<ImportTarget>([
    ...(problems.includes('first_name_unmapped') ? (['firstName'] as const) : []),
    ...(problems.includes('last_name_unmapped') ? (['lastName'] as const) : []),
  ]);
  const select = (target: ImportTarget) => (
    <ColumnSelect
      key={target}
      label={t(`csvImport.fields.${target}`)}
      isRequired={REQUIRED.includes(target)}
      isInvalid={unmapped.has(target)}
      describedBy={unmapped.has(target) ? problemsId : undefined}
      value={mapping[target]}
      onChange={(column) => props.onMappingChange(target, column)}
      notImported={t('csvImport.mapping.notImported')}
    >
      {options}
    </ColumnSelect>
  );

  return (
    <div className="import-mapping">
      <p className="lead">{t('csvImport.mapping.intro')}</p>
      {props.isRemembered ? <p className="import-note">{t('csvImport.mapping.remembered')}</p> : null}
      <div className="narrow-form">
        <TextField
          name="systemName"
          label={t('csvImport.mapping.systemName')}
          hint={t('csvImport.mapping.systemNameHint')}
          value={props.systemName}
          onChange={props.onSystemNameChange}
          error={props.systemNameError}
          isRequired
          maxLength={100}
        />
      </div>
      <fieldset>
        <legend>{t('csvImport.mapping.fieldsLegend')}</legend>
        <div className="import-columns">{IMPORT_FIELDS.map(select)}</div>
      </fieldset>
      <fieldset>
        <legend>{t('csvImport.mapping.consentsLegend')}</legend>
        <p className="field-hint import-consent-hint">{t('csvImport.mapping.consentsHint')}</p>
        <div className="import-columns">{IMPORT_CONSENTS.map(select)}</div>
      </fieldset>
      <MappingPreview file={file} mapping={mapping} />
      {problems.length > 0 ? (
        <div className="error-message" role="alert" id={problemsId}>
          {problems.map((problem) => (
            <p key={problem}>{t(`csvImport.mapping.problems.${problem}`)}</p>
          ))}
        </div>
      ) : null}
      <div className="form-actions">
        <Button className="button button-primary" onPress={props.onCheck} isDisabled={isBusy}>
          {t('csvImport.mapping.check')}
        </Button>
      </div>
    </div>
  );
}
