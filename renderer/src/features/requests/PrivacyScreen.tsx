import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { BackupStatus } from '../../../../shared/schemas/backup';
import type { Register } from '../../db/register';
import { DisclosuresScreen } from '../disclosures/DisclosuresScreen';
import { RetentionScreen } from '../retention/RetentionScreen';
import type { UnlockedState } from '../session/session-store';
import { PrivacyDashboard } from './PrivacyDashboard';

export const PRIVACY_SECTIONS = ['dashboard', 'disclosures', 'retention'] as const;
export type PrivacySection = (typeof PRIVACY_SECTIONS)[number];

export interface PrivacyScreenProps {
  state: UnlockedState;
  register: Register;
  backupStatus: BackupStatus | null;
  section: PrivacySection;
  onSection: (section: PrivacySection) => void;
  onOpenRequests: () => void;
  onOpenCustomer: (customerId: string) => void;
}

/**
 * The owner's privacy work in one place (issue 7): the compliance dashboard (the owner's home
 * screen), the disclosure log with its authority and successor flows, and the retention review.
 * Requests have a tab of their own in the main navigation, since the front desk takes them in.
 */
export function PrivacyScreen({ state, register, backupStatus, section, onSection, onOpenRequests, onOpenCustomer }: PrivacyScreenProps) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <nav className="sub-nav" aria-label={t('gdpr.sections.label')}>
        {PRIVACY_SECTIONS.map((s) => (
          <Button key={s} className="nav-tab" aria-current={section === s ? 'page' : undefined} onPress={() => onSection(s)}>
            {t(`gdpr.sections.${s}`)}
          </Button>
        ))}
      </nav>
      {section === 'dashboard' ? (
        <PrivacyDashboard state={state} register={register} backupStatus={backupStatus} onOpenRequests={onOpenRequests} onOpenSection={onSection} />
      ) : section === 'disclosures' ? (
        <DisclosuresScreen state={state} register={register} onOpenCustomer={onOpenCustomer} />
      ) : (
        <RetentionScreen state={state} register={register} onOpenCustomer={onOpenCustomer} />
      )}
    </div>
  );
}
