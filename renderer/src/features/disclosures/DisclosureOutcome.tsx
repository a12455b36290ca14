import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';

/**
 * The foot of a disclosure flow: "working…", what happened, what went wrong — and, when the files
 * were written but the entry could not be recorded, the one press that records it again
 * (useDisclosureRecorder).
 */
export function DisclosureOutcome({ isBusy, done, failure, onRetry }: { isBusy: boolean; done: string | null; failure: string | null; onRetry: (() => void) | null }) {
  const { t } = useTranslation();
  return (
    <>
      {isBusy ? <p className="muted">{t('disclosure.busy')}</p> : null}
      <StatusMessage message={done} />
      <ErrorMessage message={failure} />
      {onRetry !== null ? (
        <Button className="button" isDisabled={isBusy} onPress={onRetry}>
          {t('disclosure.recordRetry')}
        </Button>
      ) : null}
    </>
  );
}
