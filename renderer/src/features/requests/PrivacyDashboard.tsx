import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { daysBetween, isoDateInZone } from '../../../../shared/domain/calendar-date';
import { activeConsents } from '../../../../shared/domain/consent';
import { requestDashboard } from '../../../../shared/domain/gdpr-deadline';
import { retentionReviewList } from '../../../../shared/domain/retention';
import type { BackupStatus } from '../../../../shared/schemas/backup';
import type { JournalVerification } from '../../../../shared/schemas/journal';
import { retentionPolicyOf } from '../../../../shared/schemas/retention';
import type { Register } from '../../db/register';
import { invoke } from '../../ipc/client';
import { useVersion } from '../appointments/hooks';
import type { UnlockedState } from '../session/session-store';
import { PrivacyNoticePanel } from './PrivacyNoticePanel';
import type { PrivacySection } from './PrivacyScreen';
import { showDate, timeLeftText } from './request-text';
import './requests.css';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PrivacyDashboardProps {
  state: UnlockedState;
  register: Register;
  backupStatus: BackupStatus | null;
  onOpenRequests: () => void;
  onOpenSection: (section: PrivacySection) => void;
}

/**
 * The owner's compliance home (issue 7): overdue and due requests and those waiting for an
 * identity check, customers on the consent basis without a consent in force, consents about to
 * end, customers due for a retention review, the age of the last verified backup and the audit
 * journal's integrity — and the privacy notice.
 */
export function PrivacyDashboard({ state, register, backupStatus, onOpenRequests, onOpenSection }: PrivacyDashboardProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const requestsVersion = useVersion(register.requests);
  const customersVersion = useVersion(register.customers);
  const appointmentsVersion = useVersion(register.appointments);
  const retentionVersion = useVersion(register.retention);
  const privacyVersion = useVersion(register.privacy);
  const policy = retentionPolicyOf(state.session.settings);
  // Until the appointments are decrypted every customer would look inactive: count only after.
  const isLoaded = register.appointments.isLoaded;
  const [journal, setJournal] = useState<JournalVerification | null>(null);
  const [now] = useState(() => Date.now());
  const today = isoDateInZone(now);

  useEffect(() => {
    let isCurrent = true;
    void invoke('journal.verify', undefined).then((result) => {
      if (isCurrent && result.ok) setJournal(result.value);
    });
    return () => {
      isCurrent = false;
    };
  }, []);

  // eslint-disable-next-line react-hooks/exhaustive-deps -- the versions stand for the stores' contents
  const requests = useMemo(() => requestDashboard(register.requests.values(), today), [register, today, requestsVersion]);
  const facts = useMemo(() => {
    const customers = [...register.customers.values()];
    const noBasis = customers.filter((c) => c.legalBasis === 'consent' && activeConsents(c, now).length === 0).length;
    const horizon = now + 30 * DAY_MS;
    const expiring = customers.flatMap((c) => activeConsents(c, now).filter((k) => k.expiresAt !== null && k.expiresAt <= horizon)).length;
    const retention = !isLoaded
      ? null
      : retentionReviewList({
      customers,
      appointments: register.appointments.all(),
      requests: register.requests.values(),
      decisions: register.retention.values(),
      policy,
          isRestricted: (customerId) => register.privacy.isRestricted(customerId, now),
      today,
    }).length;
    return { noBasis, expiring, retention };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the versions stand for the stores' contents
  }, [register, now, today, isLoaded, policy.reviewAfterMonths, customersVersion, requestsVersion, appointmentsVersion, retentionVersion, privacyVersion]);

  const backupAge =
    backupStatus?.lastVerifiedAt == null
      ? t('gdpr.dashboard.lastBackupNever')
      : (() => {
          const days = daysBetween(isoDateInZone(backupStatus.lastVerifiedAt), today);
          return days <= 0 ? t('gdpr.dashboard.lastBackupToday') : t('gdpr.dashboard.lastBackupAge', { count: days });
        })();
  const journalText =
    journal === null
      ? t('gdpr.dashboard.journalUnknown')
      : journal.problem === null
        ? t('gdpr.dashboard.journalOk', { count: journal.verifiedCount })
        : t('gdpr.dashboard.journalBroken', { line: journal.problem.line });

  const requestCard = (key: 'overdue' | 'dueSoon' | 'awaitingIdentity', alert: boolean) => {
    const list = requests[key];
    return (
      <section className={alert && list.length > 0 ? 'dashboard-card dashboard-card-alert' : 'dashboard-card'} aria-labelledby={`dash-${key}`}>
        <h2 id={`dash-${key}`}>{t(`gdpr.dashboard.${key}`)}</h2>
        <p className="dashboard-count">{list.length}</p>
        {list.length > 0 ? (
          <ul>
            {list.slice(0, 5).map((r) => (
              <li key={r.id}>
                {t(`gdpr.types.${r.type}`)} — {r.requesterName} ({timeLeftText(r, today, t)})
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    );
  };

  const factCard = (key: 'noBasis' | 'expiringConsents' | 'retentionDue', count: number | null, action?: { label: string; onPress: () => void }) => (
    <section className="dashboard-card" aria-labelledby={`dash-${key}`}>
      <h2 id={`dash-${key}`}>{t(`gdpr.dashboard.${key}`)}</h2>
      <p className="dashboard-count">{count ?? '…'}</p>
      {action && count !== null && count > 0 ? (
        <Button className="link-button" onPress={action.onPress}>
          {action.label}
        </Button>
      ) : null}
    </section>
  );

  return (
    <section className="admin-screen privacy-dashboard" aria-labelledby="privacy-title">
      <h1 id="privacy-title">{t('gdpr.dashboard.title')}</h1>
      <p className="lead">{t('gdpr.dashboard.intro')}</p>
      <div className="dashboard-cards">
        {requestCard('overdue', true)}
        {requestCard('dueSoon', true)}
        {requestCard('awaitingIdentity', false)}
        {factCard('noBasis', facts.noBasis)}
        {factCard('expiringConsents', facts.expiring)}
        {factCard('retentionDue', facts.retention, { label: t('gdpr.dashboard.openRetention'), onPress: () => onOpenSection('retention') })}
        <section className={backupStatus?.warning ? 'dashboard-card dashboard-card-alert' : 'dashboard-card'} aria-labelledby="dash-backup">
          <h2 id="dash-backup">{t('gdpr.dashboard.lastBackup')}</h2>
          <p>{backupAge}</p>
        </section>
        <section className={journal?.problem ? 'dashboard-card dashboard-card-alert' : 'dashboard-card'} aria-labelledby="dash-journal">
          <h2 id="dash-journal">{t('gdpr.dashboard.journal')}</h2>
          <p>{journalText}</p>
        </section>
      </div>
      <Button className="button" onPress={onOpenRequests}>
        {t('gdpr.dashboard.openRequests')}
      </Button>
      <PrivacyNoticePanel state={state} register={register} today={today} showDate={(iso) => showDate(iso, language)} />
    </section>
  );
}
