import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { focusFirstInvalid } from '../../components/form-errors';
import { TextField } from '../../components/TextField';
import { isSameGroup, normalizeGroup, pickGroupsToConfirm, splitGroups } from './recovery-key-groups';

export interface RecoveryKeySheetProps {
  /** The key as main returned it, grouped with dashes (`ABCD-EFGH-…`). Shown only here. */
  recoveryKey: string;
  /** Printed on the sheet, so the paper says which register it opens. */
  businessName: string;
  /** Called once the user has typed back the two groups asked for. */
  onConfirmed: () => void;
  /** Replaces the default introduction (e.g. "the register has been created…" after setup). */
  intro?: string;
}

/** `25.11.2026` in Finnish, the same conventions as renderer/src/i18n/format.ts. */
const DATE_LOCALES: Record<string, string> = { fi: 'fi-FI', en: 'en-GB', sv: 'sv-FI' };
function formatDate(epochMs: number, language: string): string {
  return new Intl.DateTimeFormat(DATE_LOCALES[language] ?? 'fi-FI', { dateStyle: 'short' }).format(epochMs);
}

/**
 * Shows a new recovery key once: large, in numbered groups, with how to keep it, a printable
 * one-page sheet, and a check that it has really been written down (two random groups typed
 * back, hidden from view while typing) before `onConfirmed`.
 *
 * The printable sheet is rendered into <body> (a portal) with the class `print-sheet`; the print
 * style sheet hides everything else, and the sheet is hidden on screen. It is never copied to
 * the clipboard or stored: the key must end up on paper, not on this computer.
 */
export function RecoveryKeySheet({ recoveryKey, businessName, onConfirmed, intro }: RecoveryKeySheetProps) {
  const { t, i18n } = useTranslation();
  const groups = splitGroups(recoveryKey);
  // Chosen once per key shown; a new key means a new component (the screens key it).
  const [asked] = useState(() => pickGroupsToConfirm(groups.length));
  const [printedAt] = useState(() => Date.now());
  const [step, setStep] = useState<'show' | 'confirm'>('show');
  const [typed, setTyped] = useState<string[]>(() => asked.map(() => ''));
  const [errors, setErrors] = useState<(string | undefined)[]>([]);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  // Whoever arrives here (after setup, after replacing the key) starts reading at the title.
  useEffect(() => {
    if (step === 'show') titleRef.current?.focus();
  }, [step]);

  const numbers = asked.map((i) => i + 1);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = asked.map((groupIndex, k) => {
      const value = typed[k] ?? '';
      if (normalizeGroup(value) === '') return t('admin.recovery.required', { n: groupIndex + 1 });
      return isSameGroup(value, groups[groupIndex] ?? '') ? undefined : t('admin.recovery.mismatch', { n: groupIndex + 1 });
    });
    setErrors(found);
    if (found.some((e) => e !== undefined)) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    onConfirmed();
  }

  function back() {
    setErrors([]);
    setTyped(asked.map(() => ''));
    setStep('show');
  }

  return (
    <section className="recovery-sheet" aria-labelledby="recovery-title">
      <h1 id="recovery-title" ref={titleRef} tabIndex={-1}>
        {t('admin.recovery.title')}
      </h1>
      {step === 'show' ? (
        <>
          <p className="lead">{intro ?? t('admin.recovery.intro')}</p>
          <ol className="recovery-key" aria-label={t('admin.recovery.keyLabel', { groups: groups.length })}>
            {groups.map((group, i) => (
              <li key={i} className="recovery-key-group">
                <span className="recovery-key-number">{t('admin.recovery.group', { n: i + 1 })}</span>
                <span className="recovery-key-text" translate="no">
                  {group}
                </span>
              </li>
            ))}
          </ol>
          <h2>{t('admin.recovery.keepTitle')}</h2>
          <ul className="recovery-instructions">
            <li>{t('admin.recovery.keepPaper')}</li>
            <li>{t('admin.recovery.keepSafe')}</li>
            <li>{t('admin.recovery.keepNotHere')}</li>
            <li>{t('admin.recovery.keepAnyone')}</li>
          </ul>
          <div className="form-actions">
            <Button className="button" onPress={() => window.print()}>
              {t('admin.recovery.print')}
            </Button>
            <Button className="button button-primary" onPress={() => setStep('confirm')}>
              {t('admin.recovery.written')}
            </Button>
          </div>
        </>
      ) : (
        <Form ref={formRef} onSubmit={onSubmit} validationBehavior="aria" className="narrow-form" aria-labelledby="recovery-confirm-title">
          <h2 id="recovery-confirm-title">{t('admin.recovery.confirmTitle')}</h2>
          <p className="lead">{t('admin.recovery.confirmIntro', { first: numbers[0] ?? 1, second: numbers[1] ?? numbers[0] ?? 1 })}</p>
          {asked.map((groupIndex, k) => (
            <TextField
              key={groupIndex}
              name={`group-${groupIndex + 1}`}
              label={t('admin.recovery.groupField', { n: groupIndex + 1 })}
              value={typed[k] ?? ''}
              onChange={(value) => setTyped((current) => current.map((v, j) => (j === k ? value : v)))}
              error={errors[k]}
              isRequired
              autoFocus={k === 0}
              maxLength={40}
            />
          ))}
          <div className="form-actions">
            <Button className="button" onPress={back}>
              {t('admin.recovery.back')}
            </Button>
            <Button type="submit" className="button button-primary">
              {t('admin.recovery.confirm')}
            </Button>
          </div>
        </Form>
      )}
      {createPortal(
        <div className="print-sheet" aria-hidden="true">
          <h1 className="print-sheet-title">{t('admin.recovery.sheet.title')}</h1>
          <dl className="print-sheet-facts">
            <dt>{t('admin.recovery.sheet.business')}</dt>
            <dd>{businessName}</dd>
            <dt>{t('admin.recovery.sheet.printedAt')}</dt>
            <dd>{formatDate(printedAt, i18n.language)}</dd>
          </dl>
          <h2>{t('admin.recovery.sheet.key')}</h2>
          <ol className="print-sheet-key">
            {groups.map((group, i) => (
              <li key={i}>
                <span className="recovery-key-number">{i + 1}</span>
                <span className="recovery-key-text">{group}</span>
              </li>
            ))}
          </ol>
          <h2>{t('admin.recovery.sheet.instructionsTitle')}</h2>
          <ul>
            <li>{t('admin.recovery.sheet.use')}</li>
            <li>{t('admin.recovery.sheet.keep')}</li>
            <li>{t('admin.recovery.sheet.anyone')}</li>
            <li>{t('admin.recovery.sheet.replaced')}</li>
          </ul>
          <p className="print-sheet-stored">{t('admin.recovery.sheet.storedAt')}</p>
        </div>,
        document.body,
      )}
    </section>
  );
}
