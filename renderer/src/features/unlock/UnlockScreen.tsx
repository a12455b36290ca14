import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import type { VaultMetaRow } from '../../db/database';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { useSessionStore } from '../session/SessionContext';
import type { UnlockOutcome } from '../session/session-store';

const OUTCOME_MESSAGE = {
  wrong_passphrase: 'unlock.wrongPassphrase',
  weak_slot: 'unlock.weakSlot',
  user_unavailable: 'unlock.userUnavailable',
  failed: 'unlock.failed',
} as const satisfies Record<Exclude<UnlockOutcome, 'ok'>, string>;

/** Sign-in: choose who you are, type the passphrase. A wrong passphrase changes nothing. */
export function UnlockScreen({ meta, wasLocked }: { meta: VaultMetaRow; wasLocked: boolean }) {
  const { t } = useTranslation();
  const store = useSessionStore();
  const users = meta.users.filter((u) => !u.disabled);
  const [userId, setUserId] = useState(users[0]?.id ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (passphrase === '' || isBusy) return;
    setBusy(true);
    setError(null);
    const outcome = await store.unlock(userId, passphrase);
    if (outcome === 'ok') return;
    setBusy(false);
    setPassphrase('');
    setError(t(OUTCOME_MESSAGE[outcome]));
    inputRef.current?.focus();
  }

  return (
    <main className="unlock" aria-labelledby="unlock-title">
      <p className="brand">{t('app.name')}</p>
      <h1 id="unlock-title">{meta.businessName}</h1>
      <h2>{t('unlock.title')}</h2>
      <StatusMessage message={wasLocked ? t('unlock.locked') : null} />
      <Form onSubmit={(e) => void onSubmit(e)} className="unlock-form" validationBehavior="aria">
        {users.length > 1 ? (
          <RadioGroup value={userId} onChange={setUserId} className="user-picker">
            <Label>{t('unlock.user')}</Label>
            {users.map((u) => (
              <Radio key={u.id} value={u.id} className="user-option">
                {u.name}
              </Radio>
            ))}
          </RadioGroup>
        ) : (
          <p className="user-single">
            {t('unlock.user')}: <strong>{users[0]?.name}</strong>
          </p>
        )}
        <TextField
          ref={inputRef}
          name="passphrase"
          type="password"
          label={t('unlock.passphrase')}
          value={passphrase}
          onChange={setPassphrase}
          autoComplete="current-password"
          autoFocus
          isRequired
        />
        <ErrorMessage message={error} />
        <Button type="submit" className="button button-primary" isDisabled={isBusy || passphrase === ''}>
          {isBusy ? t('unlock.unlocking') : t('unlock.submit')}
        </Button>
      </Form>
    </main>
  );
}
