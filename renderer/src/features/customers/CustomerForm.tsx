import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { CustomerDraftSchema, type CustomerDraft, type CustomerDraftInput } from '../../../../shared/schemas/customer';
import { fieldErrors, focusFirstInvalid } from '../../components/form-errors';
import { ErrorMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';

export interface CustomerFormProps {
  title: string;
  initial: CustomerDraftInput;
  /** Resolves true when saved; false when the save failed (nothing changed). */
  onSave: (draft: CustomerDraft) => Promise<boolean>;
  onCancel: () => void;
}

type Field = keyof CustomerDraftInput;

/**
 * Add / edit a customer. The whole form is validated with the same zod schema the data layer
 * uses; until every field is valid nothing is saved, and each problem is explained at its field.
 */
export function CustomerForm({ title, initial, onSave, onCancel }: CustomerFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<CustomerDraftInput>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [hasSubmitted, setSubmitted] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const set = (field: Field) => (value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    // After the first attempt, errors follow the typing so the user sees a fix land.
    if (hasSubmitted) setErrors(fieldErrors(CustomerDraftSchema.safeParse(next).error));
  };
  const message = (field: Field) => (errors[field] ? t(`validation.${errors[field]}` as 'validation.required') : undefined);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    const parsed = CustomerDraftSchema.safeParse(draft);
    const next = fieldErrors(parsed.error);
    setErrors(next);
    setSubmitted(true);
    if (!parsed.success) {
      setFailure(t('customers.formInvalid'));
      // After React has rendered aria-invalid, move focus to the first problem.
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setFailure(null);
    setBusy(true);
    const isSaved = await onSave(parsed.data);
    if (!isSaved) {
      setBusy(false);
      setFailure(t('customers.saveFailed'));
    }
  }

  return (
    <section
      className="customer-form"
      aria-labelledby="customer-form-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h2 id="customer-form-title">{title}</h2>
      <Form
        ref={formRef}
        onSubmit={(e) => void onSubmit(e)}
        validationBehavior="aria"
      >
        <div className="field-row">
          <TextField name="firstName" label={t('customers.fields.firstName')} value={draft.firstName ?? ''} onChange={set('firstName')} error={message('firstName')} isRequired autoFocus />
          <TextField name="lastName" label={t('customers.fields.lastName')} value={draft.lastName ?? ''} onChange={set('lastName')} error={message('lastName')} isRequired />
        </div>
        <div className="field-row">
          <TextField name="phone" type="tel" inputMode="tel" label={t('customers.fields.phone')} hint={t('customers.fields.phoneHint')} value={draft.phone ?? ''} onChange={set('phone')} error={message('phone')} />
          <TextField name="email" type="email" label={t('customers.fields.email')} value={draft.email ?? ''} onChange={set('email')} error={message('email')} />
        </div>
        <TextField name="street" label={t('customers.fields.street')} value={draft.street ?? ''} onChange={set('street')} error={message('street')} />
        <div className="field-row">
          <TextField name="postalCode" inputMode="numeric" label={t('customers.fields.postalCode')} value={draft.postalCode ?? ''} onChange={set('postalCode')} error={message('postalCode')} />
          <TextField name="city" label={t('customers.fields.city')} value={draft.city ?? ''} onChange={set('city')} error={message('city')} />
        </div>
        <TextField name="notes" multiline label={t('customers.fields.notes')} hint={t('customers.fields.notesHint')} value={draft.notes ?? ''} onChange={set('notes')} error={message('notes')} />
        <ErrorMessage message={failure} />
        <div className="form-actions">
          <Button className="button" onPress={onCancel}>
            {t('customers.cancel')}
          </Button>
          <Button type="submit" className="button button-primary" isDisabled={isBusy}>
            {isBusy ? t('customers.saving') : t('customers.save')}
          </Button>
        </div>
      </Form>
    </section>
  );
}
