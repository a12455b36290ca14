import { useTranslation } from 'react-i18next';
import type { Register } from '../../db/register';
import type { UnlockedState } from '../session/session-store';

export interface RetentionScreenProps {
  state: UnlockedState;
  register: Register;
  onOpenCustomer: (customerId: string) => void;
}

/** The retention review (issue 7). Placeholder until the screen lands. */
export function RetentionScreen(_props: RetentionScreenProps) {
  const { t } = useTranslation();
  return (
    <section className="admin-screen" aria-labelledby="retention-title">
      <h1 id="retention-title">{t('retention.title')}</h1>
    </section>
  );
}
