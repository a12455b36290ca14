import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import {
  emptyMapping,
  guessMapping,
  headerSignature,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_ROWS,
  mappingProblems,
  planImport,
  validateImport,
  type ColumnMapping,
  type CsvFile,
  type CsvFileProblem,
  type ImportChoices,
  type ImportTarget,
  type ImportValidation,
} from '../../../../shared/domain/csv-import';
import { optionalText } from '../../../../shared/schemas/text';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import type { KirjuriDatabase } from '../../db/database';
import type { Register } from '../../db/register';
import { invoke } from '../../ipc/client';
import { commitImport } from './commit-import';
import { FileSummary } from './FileSummary';
import { formatCount } from './import-text';
import { MappingStep } from './MappingStep';
import { ReviewStep } from './ReviewStep';
import { readPickedFile } from './picked-file';
import { useMappingMemory } from './useMappingMemory';
import './import.css';

export interface ImportScreenProps {
  register: Register;
  /** Where the remembered mappings are sealed, with the session's key. */
  db: KirjuriDatabase;
  dataKey: CryptoKey;
}

interface LoadedFile {
  name: string;
  csv: CsvFile;
  signature: string;
  rowCount: number;
}

interface Done {
  count: number;
  skippedInvalid: number;
  skippedDuplicates: number;
  systemName: string;
}

type Phase = { kind: 'file' } | { kind: 'mapping' } | { kind: 'review'; validation: ImportValidation } | { kind: 'done'; done: Done };
type Busy = 'reading' | 'checking' | 'importing' | null;

const STEPS = ['file', 'mapping', 'review', 'done'] as const;
const MEGABYTES = MAX_IMPORT_FILE_BYTES / (1024 * 1024);
const DEFAULT_CHOICES: ImportChoices = { skipInvalid: false, duplicates: 'skip' };
const SystemNameSchema = optionalText(100);

/** Lets "checking…" paint before a long synchronous check of thousands of rows. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Importing customers from a booking system's CSV export (issue 5), as a wizard: choose a file
 * (main's dialog; read, decoded and parsed here) → match the columns, with a preview → check
 * every row (errors by row number, duplicates) → one all-or-nothing commit. Nothing reaches the
 * register before the last step, and the last step saves every row or none.
 */
export function ImportScreen({ register, db, dataKey }: ImportScreenProps) {
  const { t, i18n } = useTranslation();
  const memory = useMappingMemory(db, dataKey);
  const [phase, setPhase] = useState<Phase>({ kind: 'file' });
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>(emptyMapping);
  const [isRemembered, setIsRemembered] = useState(false);
  const [systemName, setSystemName] = useState('');
  const [showMappingErrors, setShowMappingErrors] = useState(false);
  const [choices, setChoices] = useState<ImportChoices>(DEFAULT_CHOICES);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hasMoved = useRef(false);

  // Each new step takes the focus to its heading, so keyboard and screen-reader users start there.
  useEffect(() => {
    if (hasMoved.current) headingRef.current?.focus();
    hasMoved.current = true;
  }, [phase.kind]);

  const numbers = { rows: formatCount(MAX_IMPORT_ROWS, i18n.language), megabytes: MEGABYTES, columns: MAX_IMPORT_COLUMNS };

  function problemText(problem: CsvFileProblem, rowNumber?: number): string {
    return t(`csvImport.file.problems.${problem}`, { ...numbers, row: rowNumber ?? 0 });
  }

  async function pickFile(): Promise<void> {
    setError(null);
    setNotice(null);
    setBusy('reading');
    try {
      const reply = await invoke('import.pickCsv', undefined);
      if (!reply.ok) return setError(t('csvImport.file.failed'));
      const picked = reply.value;
      if (picked.status === 'cancelled') return setNotice(t('csvImport.file.cancelled'));
      if (picked.status === 'refused') return setError(t(`csvImport.file.refused.${picked.reason}`, numbers));
      await nextFrame();
      const read = readPickedFile(picked.bytesBase64);
      if (!read.ok) return setError(problemText(read.problem, read.rowNumber));
      const csv = read.file;
      const signature = headerSignature(csv.headers);
      const recalled = memory?.recall(signature, csv.headers.length) ?? null;
      setFile({ name: picked.fileName, csv, signature, rowCount: csv.rows.filter((row) => row.some((cell) => cell.trim() !== '')).length });
      setMapping(recalled?.mapping ?? guessMapping(csv.headers));
      setIsRemembered(recalled !== null);
      setSystemName((current) => recalled?.systemName || current || memory?.lastSystemName() || '');
      setShowMappingErrors(false);
      setChoices(DEFAULT_CHOICES);
      setPhase({ kind: 'mapping' });
    } catch {
      setError(t('csvImport.file.failed'));
    } finally {
      setBusy(null);
    }
  }

  const problems = mappingProblems(mapping);
  const systemNameCode = systemName.trim() === '' ? 'required' : SystemNameSchema.safeParse(systemName).success ? null : 'too_long';

  async function checkRows(): Promise<void> {
    if (!file) return;
    setShowMappingErrors(true);
    if (problems.length > 0 || systemNameCode !== null) return;
    setError(null);
    setBusy('checking');
    await nextFrame();
    try {
      const validation = validateImport(file.csv.rows, mapping, { systemName: systemName.trim(), existing: register.customers.values() });
      setChoices(DEFAULT_CHOICES);
      setPhase({ kind: 'review', validation });
    } finally {
      setBusy(null);
    }
  }

  async function commit(validation: ImportValidation): Promise<void> {
    if (!file) return;
    const plan = planImport(validation, choices);
    if (plan.status !== 'ready') return;
    setError(null);
    setBusy('importing');
    try {
      const result = await commitImport(register.customers, plan);
      // Remembering is a convenience: the import is durable whether or not this works.
      await memory?.remember(file.signature, mapping, systemName).catch(() => undefined);
      setPhase({
        kind: 'done',
        done: { count: result.count, skippedInvalid: plan.skippedInvalid, skippedDuplicates: plan.skippedDuplicates, systemName: systemName.trim() },
      });
    } catch {
      setError(t('csvImport.review.failed'));
    } finally {
      setBusy(null);
    }
  }

  function changeMapping(target: ImportTarget, column: number | null): void {
    setMapping((current) => ({ ...current, [target]: column }));
    setIsRemembered(false);
  }

  function startOver(): void {
    setFile(null);
    setMapping(emptyMapping());
    setError(null);
    setNotice(null);
    setPhase({ kind: 'file' });
  }

  const busyText =
    busy === 'reading' ? t('csvImport.file.reading') : busy === 'checking' ? t('csvImport.mapping.checking') : busy === 'importing' ? t('csvImport.review.importing') : null;
  const current = phase.kind;

  return (
    <section className="import-screen" aria-labelledby="import-title">
      <h1 id="import-title">{t('csvImport.title')}</h1>
      <p className="lead">{t('csvImport.intro')}</p>
      <ol className="import-steps" aria-label={t('csvImport.steps.label')}>
        {STEPS.map((step) => (
          <li key={step} aria-current={step === current ? 'step' : undefined} className={step === current ? 'import-step-current' : undefined}>
            {t(`csvImport.steps.${step}`)}
          </li>
        ))}
      </ol>

      {file && (current === 'mapping' || current === 'review') ? (
        <FileSummary fileName={file.name} file={file.csv} rowCount={file.rowCount} onChooseAnother={() => void pickFile()} isBusy={busy !== null} />
      ) : null}

      {current === 'file' ? (
        <>
          <h2 ref={headingRef} tabIndex={-1}>
            {t('csvImport.file.heading')}
          </h2>
          <p>{t('csvImport.file.limits', numbers)}</p>
          <div className="form-actions">
            <Button className="button button-primary" onPress={() => void pickFile()} isDisabled={busy !== null}>
              {t('csvImport.file.choose')}
            </Button>
          </div>
        </>
      ) : current === 'mapping' && file ? (
        <>
          <h2 ref={headingRef} tabIndex={-1}>
            {t('csvImport.mapping.heading')}
          </h2>
          <MappingStep
            file={file.csv}
            mapping={mapping}
            onMappingChange={changeMapping}
            systemName={systemName}
            onSystemNameChange={setSystemName}
            systemNameError={showMappingErrors && systemNameCode !== null ? t(`validation.${systemNameCode}`) : undefined}
            problems={showMappingErrors ? problems : []}
            isRemembered={isRemembered}
            isBusy={busy !== null}
            onCheck={() => void checkRows()}
          />
        </>
      ) : phase.kind === 'review' && file ? (
        <>
          <h2 ref={headingRef} tabIndex={-1}>
            {t('csvImport.review.heading')}
          </h2>
          <ReviewStep
            validation={phase.validation}
            file={file.csv}
            systemName={systemName}
            customers={register.customers}
            choices={choices}
            onChoicesChange={setChoices}
            onBack={() => {
              setError(null);
              setPhase({ kind: 'mapping' });
            }}
            onImport={() => void commit(phase.validation)}
            isBusy={busy !== null}
            error={error}
          />
        </>
      ) : phase.kind === 'done' ? (
        <>
          <h2 ref={headingRef} tabIndex={-1}>
            {t('csvImport.done.heading')}
          </h2>
          <div role="status" className="import-done">
            <p className="status-message">{t('csvImport.done.imported', { count: phase.done.count, system: phase.done.systemName })}</p>
            {phase.done.skippedInvalid > 0 ? <p>{t('csvImport.done.skippedInvalid', { count: phase.done.skippedInvalid })}</p> : null}
            {phase.done.skippedDuplicates > 0 ? <p>{t('csvImport.done.skippedDuplicates', { count: phase.done.skippedDuplicates })}</p> : null}
          </div>
          <div className="form-actions">
            <Button className="button" onPress={startOver}>
              {t('csvImport.done.another')}
            </Button>
          </div>
        </>
      ) : null}

      {current !== 'review' ? <ErrorMessage message={error} /> : null}
      <StatusMessage message={busyText ?? notice} />
    </section>
  );
}
