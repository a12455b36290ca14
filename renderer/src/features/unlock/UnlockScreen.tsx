import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form, Label, Radio, RadioGroup } from 'react-aria-components';
import { LOCKOUT_THRESHOLD } from '../../../../shared/domain/lockout';
import { isWellFormedRecoveryKey } from '../../../../shared/domain/recovery-key';
import { ErrorMessage, StatusMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { formatTime } from '../../i18n/format';
import { useSessionStore } from '../session/SessionContext';
import type { LockReason, UnlockOutcome, VaultStatus } from '../session/session-store';

/** Warn about the coming wait only when it is this near. */
const WARN_WHEN_LEFT = 2;

/**
 * Sign-in: choose who you are, type the passphrase. A wrong passphrase changes nothing; after
 * repeated failures main refuses for a growing time and this screen counts it down. A forgotten
 * passphrase is not the end: the owner's recovery key opens the register too.
 */
export function UnlockScreen({ vault, reason }: { vault: VaultStatus; reason: LockReason | undefined }) {
  const { t, i18n } = useTranslation();
  const store = useSessionStore();
  const users = vault.users;
  const [userId, setUserId] = useState(users[0]?.id ?? '');
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [isBusy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  // A visible countdown while main refuses attempts; it ends by itself.
  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= retryAt) {
        setRetryAt(null);
        setError(null);
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [retryAt]);

  const isWaiting = retryAt !== null && now < retryAt;

  function explain(outcome: Exclude<UnlockOutcome, { kind: 'ok' }>): string {
    switch (outcome.kind) {
      case 'wrong_passphrase': {
        if (mode === 'recovery') return t('unlock.wrongRecoveryKey');
        // A warning only when the wait is near; earlier, the plain answer is kinder.
        const left = LOCKOUT_THRESHOLD - outcome.failedAttempts;
        return left > 0 && left <= WARN_WHEN_LEFT ? t('unlock.attemptsBeforeWait', { count: left }) : t('unlock.wrongPassphrase');
      }
      case 'locked_out':
        return t('unlock.lockedOutUntil', { time: formatTime(outcome.retryAt, i18n.language) });
      case 'unavailable':
        return t('unlock.userUnavailable');
      case 'failed':
        return t('unlock.failed');
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (secret === '' || isBusy || isWaiting) return;
    // A mistyped recovery key (wrong length, a letter the key never has) is not even sent: it
    // cannot be right, and main would refuse it as malformed.
    if (mode === 'recovery' && !isWellFormedRecoveryKey(secret)) {
      setError(t('unlock.malformedRecoveryKey'));
      inputRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const outcome = mode === 'recovery' ? await store.recover(secret) : await store.unlock(userId, secret);
    if (outcome.kind === 'ok') return;
    setBusy(false);
    setSecret('');
    const wait = outcome.kind === 'locked_out' ? outcome.retryAt : outcome.kind === 'wrong_passphrase' ? outcome.retryAt : null;
    setRetryAt(wait);
    setNow(Date.now());
    setError(explain(outcome));
    inputRef.current?.focus();
  }

  const seconds = retryAt === null ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000));

  return (
    <main className="unlock" aria-labelledby="unlock-title">
      <p className="brand">{t('app.name')}</p>
      <h1 id="unlock-title">{vault.businessName}</h1>
      <h2>{mode === 'recovery' ? t('unlock.recoveryTitle') : t('unlock.title')}</h2>
      <StatusMessage message={reason ? t(`app.lockedBecause.${reason}`) : null} />
      <Form onSubmit={(e) => void onSubmit(e)} className="unlock-form" validationBehavior="aria">
        {mode === 'recovery' ? (
          <p className="field-hint">{t('unlock.recoveryIntro')}</p>
        ) : users.length > 1 ? (
          <RadioGroup value={userId} onChange={setUserId} className="user-picker">
            <Label className="field-label">{t('unlock.user')}</Label>
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
          key={mode}
          ref={inputRef}
          name={mode === 'recovery' ? 'recoveryKey' : 'passphrase'}
          type={mode === 'recovery' ? 'text' : 'password'}
          label={mode === 'recovery' ? t('unlock.recoveryKey') : t('unlock.passphrase')}
          value={secret}
          onChange={setSecret}
          autoComplete={mode === 'recovery' ? 'off' : 'current-password'}
          autoFocus
          isRequired
        />
        <ErrorMessage message={isWaiting ? t('unlock.lockedOut', { seconds }) : error} />
        <Button type="submit" className="button button-primary" isDisabled={isBusy || secret === '' || isWaiting}>
          {isBusy ? t('unlock.unlocking') : mode === 'recovery' ? t('unlock.recoverySubmit') : t('unlock.submit')}
        </Button>
      </Form>
      <Button
        className="link-button"
        onPress={() => {
          setMode(mode === 'recovery' ? 'passphrase' : 'recovery');
          setSecret('');
          setError(null);
        }}
      >
        {mode === 'recovery' ? t('unlock.backToSignIn') : t('unlock.forgot')}
      </Button>
    </main>
  );
}
