import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { isoDateInZone, type IsoDate } from '../../../../shared/domain/calendar-date';
import { DISCLOSURE_LEGAL_BASES, DISCLOSURE_RECIPIENT_KINDS, disclosedCount, type Disclosure } from '../../../../shared/schemas/disclosure';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import type { Register } from '../../db/register';
import { formatDate } from '../../i18n/format';
import { invoke } from '../../ipc/client';
import { useVersion } from '../appointments/hooks';
import type { UnlockedState } from '../session/session-store';
import { AuthorityRequestPanel } from './AuthorityRequestPanel';
import { DISCLOSURE_LOG_COLUMNS, disclosureLogCsv } from './disclosure-log-csv';
import { SuccessorTransferPanel } from './SuccessorTransferPanel';
import './disclosures.css';

export interface DisclosuresScreenProps {
  state: UnlockedState;
  register: Register;
  onOpenCustomer: (customerId: string) => void;
}

type Flow = null | 'authority' | 'successor';

/**
 * The disclosure log and its flows (DESIGN §6.6, issue 7): every time data left the salon — an
 * authority's lawful request, a copy of the register for a successor company, an export for
 * another recipient — with who received what, on which basis, about whom and who recorded it.
 * The two flows make the files and the entry in one go; the log can be exported as CSV.
 */
export function DisclosuresScreen({ state, register, onOpenCustomer }: DisclosuresScreenProps) {
  const { t, i18n } = useTranslation();
  useVersion(register.disclosures);
  useVersion(register.customers);
  const [today] = useState<IsoDate>(() => isoDateInZone(Date.now()));
  const [flow, setFlow] = useState<Flow>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const entries = register.disclosures.values();
  const userName = (id: string) => state.vault.users.find((user) => user.id === id)?.name ?? t('disclosure.log.unknownUser');
  const showDate = (iso: IsoDate) => formatDate(Date.parse(`${iso}T12:00:00Z`), i18n.language);

  async function exportLog() {
    setDone(null);
    setFailure(null);
    try {
      const csv = disclosureLogCsv(
        entries,
        userName,
        {
          columns: Object.fromEntries(DISCLOSURE_LOG_COLUMNS.map((column) => [column, t(`disclosure.csv.${column}`)])) as Record<(typeof DISCLOSURE_LOG_COLUMNS)[number], string>,
          kinds: Object.fromEntries(DISCLOSURE_RECIPIENT_KINDS.map((kind) => [kind, t(`disclosure.kinds.${kind}`)])) as Record<(typeof DISCLOSURE_RECIPIENT_KINDS)[number], string>,
          bases: Object.fromEntries(DISCLOSURE_LEGAL_BASES.map((basis) => [basis, t(`disclosure.bases.${basis}`)])) as Record<(typeof DISCLOSURE_LEGAL_BASES)[number], string>,
        },
        state.session.settings.csvSeparator,
      );
      const result = await invoke('exports.save', { kind: 'disclosures-csv', files: { 'disclosures.csv': csv } });
      if (!result.ok) setFailure(t(`errors.${result.error.code}` as 'errors.internal'));
      else setDone(result.value.status === 'cancelled' ? t('disclosure.log.exportCancelled') : t('disclosure.log.exported'));
    } catch {
      setFailure(t('errors.internal'));
    }
  }

  return (
    <section className="admin-screen" aria-labelledby="disclosures-title">
      <h1 id="disclosures-title">{t('disclosure.title')}</h1>
      <p className="lead">{t('disclosure.intro')}</p>
      <div className="row-actions" role="group" aria-label={t('disclosure.actions')}>
        <Button className="button" aria-expanded={flow === 'authority'} onPress={() => setFlow(flow === 'authority' ? null : 'authority')}>
          {t('disclosure.authority.open')}
        </Button>
        <Button className="button" aria-expanded={flow === 'successor'} onPress={() => setFlow(flow === 'successor' ? null : 'successor')}>
          {t('disclosure.successor.open')}
        </Button>
      </div>
      {flow === 'authority' ? <AuthorityRequestPanel state={state} register={register} today={today} /> : null}
      {flow === 'successor' ? <SuccessorTransferPanel state={state} register={register} today={today} /> : null}

      <section className="admin-section" aria-labelledby="disclosure-log-title">
        <h2 id="disclosure-log-title">{t('disclosure.log.title')}</h2>
        {entries.length === 0 ? (
          <p className="placeholder">{t('disclosure.log.empty')}</p>
        ) : (
          <>
            <table className="admin-table disclosure-log" aria-labelledby="disclosure-log-title">
              <thead>
                <tr>
                  <th scope="col">{t('disclosure.log.date')}</th>
                  <th scope="col">{t('disclosure.log.recipient')}</th>
                  <th scope="col">{t('disclosure.log.basis')}</th>
                  <th scope="col">{t('disclosure.log.scope')}</th>
                  <th scope="col">{t('disclosure.log.customers')}</th>
                  <th scope="col">{t('disclosure.log.reference')}</th>
                  <th scope="col">{t('disclosure.log.recordedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <LogRow key={entry.id} entry={entry} register={register} showDate={showDate} userName={userName} onOpenCustomer={onOpenCustomer} />
                ))}
              </tbody>
            </table>
            <p className="field-hint">{t('disclosure.log.csvHint')}</p>
            <Button className="button" onPress={() => void exportLog()}>
              {t('disclosure.log.export')}
            </Button>
          </>
        )}
        <StatusMessage message={done} />
        <ErrorMessage message={failure} />
      </section>
    </section>
  );
}

interface LogRowProps {
  entry: Disclosure;
  register: Register;
  showDate: (iso: IsoDate) => string;
  userName: (id: string) => string;
  onOpenCustomer: (customerId: string) => void;
}

/** One entry; the customers it covered behind a disclosure triangle (a successor's list is the whole register). */
function LogRow({ entry, register, showDate, userName, onOpenCustomer }: LogRowProps) {
  const { t } = useTranslation();
  const present = entry.customerIds.map((id) => register.customers.get(id)).filter((customer) => customer !== undefined);
  const erased = disclosedCount(entry) - present.length;
  return (
    <tr>
      <td className="nowrap">{showDate(entry.date)}</td>
      <td>
        <span className="muted">{t(`disclosure.kinds.${entry.recipientKind}`)}</span>
        <br />
        {entry.recipientName}
      </td>
      <td>
        {t(`disclosure.bases.${entry.legalBasis}`)}
        {entry.legalBasisDetail === '' ? null : (
          <>
            <br />
            <span className="muted">{entry.legalBasisDetail}</span>
          </>
        )}
      </td>
      <td>{entry.scope}</td>
      <td>
        <details className="disclosure-customers">
          <summary>{t('disclosure.log.customerCount', { count: disclosedCount(entry) })}</summary>
          <ul>
            {present.map((customer) => (
              <li key={customer.id}>
                <Button className="link-button" onPress={() => onOpenCustomer(customer.id)}>
                  {`${customer.firstName} ${customer.lastName}`}
                </Button>
              </li>
            ))}
            {erased > 0 ? <li className="muted">{t('disclosure.log.erased', { count: erased })}</li> : null}
          </ul>
        </details>
      </td>
      <td>{entry.reference}</td>
      <td>{userName(entry.recordedBy)}</td>
    </tr>
  );
}
