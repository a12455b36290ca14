import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/domain/passphrase-strength';
import { V } from '../../../../shared/schemas/fields';
import { focusFirstInvalid } from '../../components/form-errors';
import { newPassphraseErrors, usePassphraseVerdict } from '../../components/usePassphraseVerdict';
import { PassphraseMeter } from '../../components/PassphraseMeter';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useSessionStore } from '../session/SessionContext';

export interface ChangePassphraseFormProps {
  /** The current passphrase proves it is still the same person; not asked when a change is forced. */
  requireCurrent: boolean;
  /** Words the new passphrase must not lean on (the user's and the business's names). */
  userInputs: string[];
  title: string;
  intro: string;
}

/**
 * Change the signed-in user's passphrase. The strength rules are the setup's; main writes the new
 * key slot and checks it before it removes the old one, so a failure leaves the old one working.
 */
export function ChangePassphraseForm({ requireCurrent, userInputs, title, intro }: ChangePassphraseFormProps) {
  const { t } = useTranslation();
  const store = useSessionStore();
  const formRef = useRef<HTMLFormElement>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const { verdict, isChecking } = usePassphraseVerdict(next, userInputs);

  const message = (field: string) => (errors[field] ? t(`validation.${errors[field]}` as 'validation.required') : undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    setFailure(null);
    setDone(null);
    const checked = await newPassphraseErrors(next, confirm, userInputs);
    const found: Record<string, string> = {};
    if (requireCurrent && current === '') found.current = V.required;
    if (checked.passphrase) found.next = checked.passphrase;
    if (checked.confirm) found.confirm = checked.confirm;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    const outcome = await store.changePassphrase(next, requireCurrent ? current : undefined);
    setBusy(false);
    if (outcome === 'ok') {
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(t('account.changed'));
    } else {
      const messages = {
        wrong_passphrase: 'account.wrongCurrent',
        locked_out: 'account.lockedOut',
        same_passphrase: 'account.samePassphrase',
        failed: 'account.failed',
      } as const;
      setFailure(t(messages[outcome]));
      if (outcome === 'wrong_passphrase') setCurrent('');
    }
  }

  return (
    <section className="account" aria-labelledby="account-title">
      <h1 id="account-title">{title}</h1>
      <p className="lead">{intro}</p>
      <StatusMessage message={done} />
      <Form ref={formRef} onSubmit={(e) => void onSubmit(e)} validationBehavior="aria" className="narrow-form">
        {requireCurrent ? (
          <TextField name="current" type="password" label={t('account.current')} value={current} onChange={setCurrent} error={message('current')} isRequired autoComplete="current-password" autoFocus />
        ) : null}
        <TextField
          name="next"
          type="password"
          label={t('account.next')}
          hint={t('setup.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
          value={next}
          onChange={setNext}
          error={message('next')}
          isRequired
          autoComplete="new-password"
          autoFocus={!requireCurrent}
        />
        <PassphraseMeter id="account-meter" verdict={verdict} isChecking={isChecking} />
        <TextField name="confirm" type="password" label={t('account.confirm')} value={confirm} onChange={setConfirm} error={message('confirm')} isRequired autoComplete="new-password" />
        <ErrorMessage message={failure} />
        <Button type="submit" className="button button-primary" isDisabled={isBusy}>
          {isBusy ? t('account.saving') : t('account.submit')}
        </Button>
      </Form>
    </section>
  );
}
