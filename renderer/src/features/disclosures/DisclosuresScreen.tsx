import { useTranslation } from 'react-i18next';
import type { Register } from '../../db/register';
import type { UnlockedState } from '../session/session-store';

export interface DisclosuresScreenProps {
  state: UnlockedState;
  register: Register;
  onOpenCustomer: (customerId: string) => void;
}

/** The disclosure log and its flows (issue 7). Placeholder until the screen lands. */
export function DisclosuresScreen(_props: DisclosuresScreenProps) {
  const { t } = useTranslation();
  return (
    <section className="admin-screen" aria-labelledby="disclosures-title">
      <h1 id="disclosures-title">{t('disclosure.title')}</h1>
    </section>
  );
}
