import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { MIN_PASSPHRASE_LENGTH } from '../../../../shared/domain/passphrase-strength';
import { NewUserSchema, type User } from '../../../../shared/schemas/users';
import { fieldErrors, focusFirstInvalid } from '../../components/form-errors';
import { newPassphraseErrors, usePassphraseVerdict } from '../../components/usePassphraseVerdict';
import { PassphraseMeter } from '../../components/PassphraseMeter';
import { ErrorMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { invoke } from '../../ipc/client';

export interface AddReceptionistFormProps {
  /** Names already in the register: a passphrase leaning on them is easier to guess. */
  existingNames: string[];
  /** Called with the user main created; the screen re-lists and announces it. */
  onAdded: (user: User) => Promise<void>;
}

/** Field → i18n key (`validation.*`, or a full `admin.*` key for main's answers). */
type Errors = Partial<Record<'name' | 'oneTimePassphrase' | 'confirm', string>>;

const NAME_TAKEN = 'name_taken';

/**
 * Adds a receptionist with a one-time passphrase. The passphrase must pass the same strength
 * rules as the owner's (it wraps the same data key until the receptionist replaces it), and
 * main forces the change at the first sign-in.
 */
export function AddReceptionistForm({ existingNames, onAdded }: AddReceptionistFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const nameRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const userInputs = [name, ...existingNames];

  const { verdict, isChecking } = usePassphraseVerdict(passphrase, userInputs);

  const message = (field: keyof Errors) => {
    const key = errors[field];
    if (key === undefined) return undefined;
    return key === NAME_TAKEN ? t('admin.users.add.nameTaken') : t(`validation.${key}` as 'validation.required');
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    setFailure(null);
    const parsed = NewUserSchema.safeParse({ name, oneTimePassphrase: passphrase });
    const checked = await newPassphraseErrors(passphrase, confirm, userInputs);
    const found: Errors = {};
    const fromSchema = fieldErrors(parsed.error);
    if (fromSchema.name) found.name = fromSchema.name;
    if (checked.passphrase) found.oneTimePassphrase = checked.passphrase;
    if (checked.confirm) found.confirm = checked.confirm;
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.success) {
      setFailure(t('admin.users.add.invalid'));
      // After React has rendered aria-invalid, move focus to the first problem.
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setBusy(true);
    const added = await invoke('users.add', parsed.data);
    if (!added.ok) {
      setBusy(false);
      if (added.error.code === 'conflict') {
        // Main refuses a second user with the same name (sign-in lists users by name).
        setErrors({ name: NAME_TAKEN });
        setFailure(t('admin.users.add.invalid'));
        requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      } else {
        setFailure(t(`errors.${added.error.code}` as 'errors.internal'));
      }
      return;
    }
    // Nothing of the one-time passphrase stays in the form once main has it.
    setName('');
    setPassphrase('');
    setConfirm('');
    setErrors({});
    setBusy(false);
    await onAdded(added.value);
    // Ready for the next one; the screen announces who was added.
    nameRef.current?.focus();
  }

  return (
    <section className="admin-section" aria-labelledby="add-receptionist-title">
      <h2 id="add-receptionist-title">{t('admin.users.add.title')}</h2>
      <p className="lead">{t('admin.users.add.intro')}</p>
      <Form ref={formRef} onSubmit={(e) => void onSubmit(e)} validationBehavior="aria" className="narrow-form">
        <TextField ref={nameRef} name="name" label={t('admin.users.add.name')} value={name} onChange={setName} error={message('name')} isRequired autoComplete="off" maxLength={100} />
        <TextField
          name="oneTimePassphrase"
          type="password"
          label={t('admin.users.add.passphrase')}
          hint={t('admin.users.add.passphraseHint', { min: MIN_PASSPHRASE_LENGTH })}
          value={passphrase}
          onChange={setPassphrase}
          error={message('oneTimePassphrase')}
          isRequired
          autoComplete="new-password"
        />
        <PassphraseMeter id="one-time-passphrase-meter" verdict={verdict} isChecking={isChecking} />
        <TextField
          name="confirm"
          type="password"
          label={t('admin.users.add.confirm')}
          value={confirm}
          onChange={setConfirm}
          error={message('confirm')}
          isRequired
          autoComplete="new-password"
        />
        <ErrorMessage message={failure} />
        <Button type="submit" className="button button-primary" isPending={isBusy}>
          {isBusy ? t('admin.users.add.adding') : t('admin.users.add.submit')}
        </Button>
      </Form>
    </section>
  );
}
