import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/domain/passphrase-strength';
import { BusinessSchema, EMPTY_BUSINESS, OwnerSchema, type BusinessInput } from '../../../../shared/schemas/business';
import { fieldErrors, focusFirstInvalid } from '../../components/form-errors';
import { newPassphraseErrors, usePassphraseVerdict } from '../../components/usePassphraseVerdict';
import { PassphraseMeter } from '../../components/PassphraseMeter';
import { ErrorMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useSessionStore } from '../session/SessionContext';

type Errors = Record<string, string>;

/** First start: the business (the controller of the register) and the owner's passphrase. */
export function SetupScreen() {
  const { t } = useTranslation();
  const store = useSessionStore();
  const formRef = useRef<HTMLFormElement>(null);
  const [business, setBusiness] = useState<BusinessInput>(EMPTY_BUSINESS);
  const [ownerName, setOwnerName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [backupChoice, setBackupChoice] = useState<'same' | 'separate'>('same');
  const [backupPassphrase, setBackupPassphrase] = useState('');
  const [backupConfirm, setBackupConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const userInputs = [business.name ?? '', ownerName];

  const { verdict, isChecking } = usePassphraseVerdict(passphrase, userInputs);

  useEffect(() => {
    if (Object.keys(errors).length > 0) focusFirstInvalid(formRef.current);
  }, [errors]);

  const setField = (field: keyof BusinessInput) => (value: string) => setBusiness((b) => ({ ...b, [field]: value }));
  const message = (field: string) => (errors[field] ? t(`validation.${errors[field]}` as 'validation.required') : undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const parsedBusiness = BusinessSchema.safeParse(business);
    const parsedOwner = OwnerSchema.safeParse({ ownerName });
    const next: Errors = { ...fieldErrors(parsedBusiness.error), ...fieldErrors(parsedOwner.error) };
    const owner = await newPassphraseErrors(passphrase, confirm, userInputs);
    if (owner.passphrase) next.passphrase = owner.passphrase;
    if (owner.confirm) next.passphraseConfirm = owner.confirm;
    if (backupChoice === 'separate') {
      const backup = await newPassphraseErrors(backupPassphrase, backupConfirm, userInputs);
      if (backup.passphrase) next.backupPassphrase = backup.passphrase;
      if (backup.confirm) next.backupPassphraseConfirm = backup.confirm;
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || !parsedBusiness.success || !parsedOwner.success) return;
    setBusy(true);
    const isCreated = await store.setup({
      business: parsedBusiness.data,
      ownerName: parsedOwner.data.ownerName,
      passphrase,
      backupPassphrase: backupChoice === 'same' ? passphrase : backupPassphrase,
    });
    if (!isCreated) {
      setBusy(false);
      setFailure(t('setup.failed'));
    }
  }

  return (
    <main className="setup" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p className="lead">{t('setup.intro')}</p>
      <Form ref={formRef} onSubmit={(e) => void onSubmit(e)} validationBehavior="aria" className="setup-form">
        <fieldset>
          <legend>{t('setup.businessSection')}</legend>
          <TextField name="name" label={t('setup.businessName')} value={business.name ?? ''} onChange={setField('name')} error={message('name')} isRequired autoFocus autoComplete="organization" />
          <TextField name="businessId" label={t('setup.businessId')} hint={t('setup.businessIdHint')} value={business.businessId ?? ''} onChange={setField('businessId')} error={message('businessId')} isRequired />
          <TextField name="street" label={t('setup.street')} value={business.street ?? ''} onChange={setField('street')} error={message('street')} isRequired />
          <div className="field-row">
            <TextField name="postalCode" label={t('setup.postalCode')} value={business.postalCode ?? ''} onChange={setField('postalCode')} error={message('postalCode')} isRequired inputMode="numeric" />
            <TextField name="city" label={t('setup.city')} value={business.city ?? ''} onChange={setField('city')} error={message('city')} isRequired />
          </div>
          <p className="field-hint">{t('setup.privacyContactHint')}</p>
          <TextField name="privacyEmail" type="email" label={t('setup.privacyEmail')} value={business.privacyEmail ?? ''} onChange={setField('privacyEmail')} error={message('privacyEmail')} />
          <TextField name="privacyPhone" type="tel" label={t('setup.privacyPhone')} value={business.privacyPhone ?? ''} onChange={setField('privacyPhone')} error={message('privacyPhone')} />
        </fieldset>
        <fieldset>
          <legend>{t('setup.ownerSection')}</legend>
          <TextField name="ownerName" label={t('setup.ownerName')} value={ownerName} onChange={setOwnerName} error={message('ownerName')} isRequired autoComplete="name" />
          <TextField
            name="passphrase"
            type="password"
            label={t('setup.passphrase')}
            hint={t('setup.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
            value={passphrase}
            onChange={setPassphrase}
            error={message('passphrase')}
            isRequired
            autoComplete="new-password"
          />
          <PassphraseMeter id="passphrase-meter" verdict={verdict} isChecking={isChecking} />
          <TextField name="passphraseConfirm" type="password" label={t('setup.passphraseConfirm')} value={confirm} onChange={setConfirm} error={message('passphraseConfirm')} isRequired autoComplete="new-password" />
        </fieldset>
        <fieldset>
          <legend>{t('backup.setup.section')}</legend>
          <p className="field-hint">{t('backup.setup.intro')}</p>
          <div className="choice-group" role="radiogroup" aria-labelledby="backup-choice-label" aria-describedby="backup-tradeoff">
            <p id="backup-choice-label" className="field-label">
              {t('backup.setup.choice')}
            </p>
            <div className="choice-options">
              {(['same', 'separate'] as const).map((choice) => (
                <label key={choice} className="choice">
                  <input type="radio" name="backupChoice" value={choice} checked={backupChoice === choice} onChange={() => setBackupChoice(choice)} />
                  {t(`backup.setup.${choice}`)}
                </label>
              ))}
            </div>
          </div>
          <p id="backup-tradeoff" className="field-hint">
            {t('backup.passphrase.tradeoff')} {t('backup.passphrase.explain')}
          </p>
          {backupChoice === 'separate' ? (
            <>
              <TextField
                name="backupPassphrase"
                type="password"
                label={t('backup.passphrase.next')}
                hint={t('setup.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
                value={backupPassphrase}
                onChange={setBackupPassphrase}
                error={message('backupPassphrase')}
                isRequired
                autoComplete="new-password"
              />
              <TextField
                name="backupPassphraseConfirm"
                type="password"
                label={t('backup.passphrase.confirm')}
                value={backupConfirm}
                onChange={setBackupConfirm}
                error={message('backupPassphraseConfirm')}
                isRequired
                autoComplete="new-password"
              />
            </>
          ) : null}
        </fieldset>
        <ErrorMessage message={failure} />
        <Button type="submit" className="button button-primary" isDisabled={isBusy}>
          {isBusy ? t('setup.creating') : t('setup.submit')}
        </Button>
      </Form>
    </main>
  );
}
