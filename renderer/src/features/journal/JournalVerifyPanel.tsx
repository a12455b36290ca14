import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { JournalVerification } from '../../../../shared/schemas/journal';
import { ErrorMessage } from '../../components/StatusMessage';
import { invoke } from '../../ipc/client';

/**
 * Runs main's check of the journal's hash chain and says what it found: intact with the number
 * of entries checked, or the first broken line and what is wrong with it. A last line torn by a
 * crash is reported separately, because the entries before it still verify.
 */
export function JournalVerifyPanel() {
  const { t } = useTranslation();
  const [result, setResult] = useState<JournalVerification | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  async function verify() {
    if (isBusy) return;
    setBusy(true);
    setFailure(null);
    setResult(null);
    const verified = await invoke('journal.verify', undefined);
    setBusy(false);
    if (verified.ok) setResult(verified.value);
    else setFailure(t(`errors.${verified.error.code}` as 'errors.internal'));
  }

  return (
    <section className="admin-section journal-verify" aria-labelledby="journal-verify-title">
      <h2 id="journal-verify-title">{t('admin.journal.verifyTitle')}</h2>
      <Button className="button" isPending={isBusy} onPress={() => void verify()}>
        {isBusy ? t('admin.journal.verifying') : t('admin.journal.verify')}
      </Button>
      {/* Always in the DOM, so that screen readers announce what appears in it. */}
      <div role="status" aria-live="polite" className="verify-result">
        {result && result.problem === null ? <p className="verify-ok">{t('admin.journal.intact', { count: result.verifiedCount })}</p> : null}
        {result?.tornTail ? <p className="verify-note">{t('admin.journal.tornTail')}</p> : null}
      </div>
      {result?.problem ? (
        <div className="error-message" role="alert">
          <p>{t('admin.journal.problem', { line: result.problem.line, kind: t(`admin.journal.problems.${result.problem.kind}`) })}</p>
          {result.verifiedCount > 0 ? <p>{t('admin.journal.verifiedBefore', { count: result.verifiedCount })}</p> : null}
        </div>
      ) : null}
      <ErrorMessage message={failure} />
    </section>
  );
}
