import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { retentionPolicyOf } from '../../../../shared/schemas/retention';
import type { Customer } from '../../../../shared/schemas/customer';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import type { Register } from '../../db/register';
import { invoke } from '../../ipc/client';
import { accessReportInput } from '../disclosures/access-report-input';
import { useSession } from '../session/SessionContext';

/**
 * The access report from the customer card (GDPR Art. 15 and 20, owner only): the readable PDF
 * in the customer's language and the JSON with the same data, written by main where the owner
 * chooses and journaled there. For a written request, the request's own button also records
 * that the request was answered; this one is for the person at the desk or a phone call the
 * owner follows up. It waits for the appointments: a report without them would be incomplete.
 */
export function AccessReportButton({ customer, register, isReady }: { customer: Customer; register: Register; isReady: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const [isBusy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (session.status !== 'unlocked' || register.actor.role !== 'owner') return null;
  const { business } = session;
  const { settings } = session.session;

  async function save() {
    if (isBusy || business === null) return;
    setBusy(true);
    setDone(null);
    setFailure(null);
    try {
      await register.appointments.ready;
      const report = accessReportInput(register, customer, {
        business,
        healthNotesEnabled: settings.healthNotesEnabled,
        reviewAfterMonths: retentionPolicyOf(settings).reviewAfterMonths,
      });
      const result = await invoke('documents.saveAccessReport', { format: 'both', reports: [report] });
      if (!result.ok) setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
      else setDone(result.value.status === 'cancelled' ? t('gdpr.card.accessReportCancelled') : t('gdpr.card.accessReportSaved'));
    } catch {
      setFailure(t('errors.internal'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="glance-row">
      <h4>{t('gdpr.card.accessReportTitle')}</h4>
      <p className="field-hint">{t('gdpr.card.accessReportHint')}</p>
      <Button className="button button-small" isDisabled={!isReady || isBusy || business === null} onPress={() => void save()}>
        {t('gdpr.card.accessReport')}
      </Button>
      <StatusMessage message={done} />
      <ErrorMessage message={failure} />
    </div>
  );
}
