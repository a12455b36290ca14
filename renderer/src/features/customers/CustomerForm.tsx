import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Form } from 'react-aria-components';
import { activeConsent } from '../../../../shared/domain/consent';
import type { LikelyDuplicate } from '../../../../shared/domain/duplicates';
import {
  CONSENT_KINDS,
  CUSTOMER_LANGUAGES,
  CUSTOMER_SOURCES,
  CustomerDraftSchema,
  LEGAL_BASES,
  SOURCES_WITH_DETAIL,
  type ConsentDraftInput,
  type ConsentKind,
  type Customer,
  type CustomerDraft,
  type CustomerDraftInput,
  type CustomerSource,
  type LegalBasis,
} from '../../../../shared/schemas/customer';
import { fieldErrors, focusFirstInvalid } from '../../components/form-errors';
import { ErrorMessage } from '../../components/StatusMessage';
import { TextField } from '../../components/TextField';
import { ConsentFields } from './ConsentFields';
import { EMPTY_CONSENT_INPUT, parseConsentInput, type ConsentField, type ConsentInput } from './consent-input';
import { DuplicateWarning } from './DuplicateWarning';
import { translateIssue } from './record-input';
import { SelectField } from './SelectField';
import { useNow } from './useNow';
import './customers.css';

/**
 * What the form holds while being filled in. Source and legal basis start unchosen on create
 * ('' here): they are facts about this customer that the privacy notice relies on, so the person
 * at the desk picks them; a preselected default would record a guess as a fact.
 */
export type CustomerFormDraft = Omit<CustomerDraftInput, 'source' | 'legalBasis'> & {
  source: CustomerSource | '';
  legalBasis: LegalBasis | '';
};

export type SaveOutcome = { ok: true } | { ok: false; errors?: Record<string, string> };

export interface CustomerFormProps {
  title: string;
  initial: CustomerFormDraft;
  /** The customer being edited; absent when creating. Its consents decide whether health notes open. */
  customer?: Customer | undefined;
  /** The owner's setting: a separate health-notes field exists. */
  healthNotesEnabled: boolean;
  /** Likely duplicates of what is about to be created (create only). */
  findDuplicates?: ((draft: CustomerDraft) => LikelyDuplicate[]) | undefined;
  getCustomer: (id: string) => Customer | undefined;
  maskContacts: boolean;
  /** "Open this customer" from the duplicate warning: the typed form is left unsaved. */
  onOpenExisting?: ((customerId: string) => void) | undefined;
  /**
   * Saves the customer (with the consents given in the form, in the same write). `mergeInto`: the
   * existing customer to merge the new one into right after.
   */
  onSave: (draft: CustomerDraft, consents: ConsentDraftInput[], mergeInto: string | null) => Promise<SaveOutcome>;
  onCancel: () => void;
}

type Field = keyof CustomerFormDraft;
type ConsentChoice = { isGiven: boolean; input: ConsentInput };

/** The consents offered in the create form; health data only where the owner turned the field on. */
const formConsentKinds = (healthNotesEnabled: boolean): ConsentKind[] =>
  CONSENT_KINDS.filter((kind) => kind !== 'health_data' || healthNotesEnabled);

const NO_CONSENTS = Object.fromEntries(CONSENT_KINDS.map((kind) => [kind, { isGiven: false, input: EMPTY_CONSENT_INPUT }])) as Record<ConsentKind, ConsentChoice>;

/**
 * Add / edit a customer. The whole form is validated with the same zod schema the data layer
 * uses; until every field (and every consent marked as given) is valid nothing is saved, and each
 * problem is explained at its field. A new customer who looks like someone already registered is
 * shown with them before anything is saved.
 */
export function CustomerForm(props: CustomerFormProps) {
  const { title, initial, customer, healthNotesEnabled, findDuplicates, getCustomer, maskContacts, onOpenExisting, onSave, onCancel } = props;
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const ids = useId();
  const isCreate = customer === undefined;
  const [draft, setDraft] = useState<CustomerFormDraft>(initial);
  const [consents, setConsents] = useState<Record<ConsentKind, ConsentChoice>>(NO_CONSENTS);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [consentErrors, setConsentErrors] = useState<Partial<Record<ConsentKind, Partial<Record<ConsentField, string>>>>>({});
  const [hasSubmitted, setSubmitted] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [duplicates, setDuplicates] = useState<LikelyDuplicate[] | null>(null);

  const now = useNow(customer?.updatedAt ?? 0);
  const isHealthConsented = isCreate ? consents.health_data.isGiven : customer !== undefined && activeConsent(customer, 'health_data', now) !== null;
  const showsHealthNotes = healthNotesEnabled || (initial.healthNotes ?? '') !== '';
  const needsDetail = draft.source !== '' && SOURCES_WITH_DETAIL.includes(draft.source);

  /** Validates everything; returns what to save, or null after showing the errors. */
  function validate(nextDraft: CustomerFormDraft, nextConsents: Record<ConsentKind, ConsentChoice>, at: number) {
    const normalised = { ...nextDraft, sourceDetail: nextDraft.source !== '' && SOURCES_WITH_DETAIL.includes(nextDraft.source) ? nextDraft.sourceDetail : '' };
    const parsed = CustomerDraftSchema.safeParse(normalised);
    const found = fieldErrors(parsed.error);
    // An unchosen (or unknown) option is a missing choice, not a zod message.
    for (const field of ['source', 'legalBasis', 'language'] as const) if (found[field] !== undefined) found[field] = 'choose';
    const healthAllowed = isCreate ? nextConsents.health_data.isGiven : isHealthConsented;
    if ((normalised.healthNotes ?? '').trim() !== '' && !healthAllowed) found.healthNotes = 'health_consent_required';
    const given: ConsentDraftInput[] = [];
    const foundConsents: Partial<Record<ConsentKind, Partial<Record<ConsentField, string>>>> = {};
    if (isCreate) {
      for (const kind of formConsentKinds(healthNotesEnabled)) {
        const choice = nextConsents[kind];
        if (!choice.isGiven) continue;
        const result = parseConsentInput(kind, choice.input, at);
        if (result.ok) given.push(result.draft);
        else foundConsents[kind] = result.errors;
      }
    }
    return { parsed: parsed.success && Object.keys(found).length === 0 && Object.keys(foundConsents).length === 0 ? parsed.data : null, found, foundConsents, given };
  }

  function revalidate(nextDraft: CustomerFormDraft, nextConsents: Record<ConsentKind, ConsentChoice>) {
    // After the first attempt, errors follow the typing so the user sees a fix land.
    if (!hasSubmitted) return;
    const result = validate(nextDraft, nextConsents, now);
    setErrors(result.found);
    setConsentErrors(result.foundConsents);
  }

  const set = (field: Field) => (value: string) => {
    const next = { ...draft, [field]: value } as CustomerFormDraft;
    setDraft(next);
    setDuplicates(null);
    revalidate(next, consents);
  };
  const setConsent = (kind: ConsentKind, choice: ConsentChoice) => {
    const next = { ...consents, [kind]: choice };
    // Without the health-data consent there is no basis for the health notes typed so far.
    const nextDraft = kind === 'health_data' && !choice.isGiven ? { ...draft, healthNotes: '' } : draft;
    setConsents(next);
    setDraft(nextDraft);
    setDuplicates(null);
    revalidate(nextDraft, next);
  };
  const message = (field: Field) => (errors[field] ? translateIssue(t, errors[field]) : undefined);

  async function save(data: CustomerDraft, given: ConsentDraftInput[], mergeInto: string | null) {
    setFailure(null);
    setBusy(true);
    const outcome = await onSave(data, given, mergeInto);
    if (outcome.ok) return;
    setBusy(false);
    if (outcome.errors) {
      setErrors(outcome.errors);
      setFailure(t('customers.formInvalid'));
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
    } else {
      setFailure(t('customers.saveFailed'));
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    const result = validate(draft, consents, Date.now());
    setErrors(result.found);
    setConsentErrors(result.foundConsents);
    setSubmitted(true);
    if (result.parsed === null) {
      setFailure(t('customers.formInvalid'));
      // After React has rendered aria-invalid, move focus to the first problem.
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
      return;
    }
    setFailure(null);
    const found = isCreate && findDuplicates ? findDuplicates(result.parsed) : [];
    if (found.length > 0) {
      setDuplicates(found);
      return;
    }
    await save(result.parsed, result.given, null);
  }

  /** The duplicate warning's choices save what was validated when it appeared. */
  function saveChecked(mergeInto: string | null) {
    const result = validate(draft, consents, Date.now());
    if (result.parsed === null) return;
    void save(result.parsed, result.given, mergeInto);
  }

  const basisHintId = `${ids}-basis-hint`;
  const basisErrorId = `${ids}-basis-error`;

  return (
    <section
      className="customer-form"
      aria-labelledby="customer-form-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h2 id="customer-form-title">{title}</h2>
      <Form ref={formRef} onSubmit={(e) => void onSubmit(e)} validationBehavior="aria">
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

        <div className="field-row">
          <SelectField
            name="source"
            label={t('record.fields.source')}
            hint={t('record.fields.sourceHint')}
            value={draft.source}
            placeholder={t('record.choose')}
            options={CUSTOMER_SOURCES.map((source) => ({ value: source, label: t(`record.sources.${source}`) }))}
            onChange={set('source')}
            error={message('source')}
            isRequired
          />
          <SelectField
            name="language"
            label={t('record.fields.language')}
            value={draft.language ?? 'fi'}
            options={CUSTOMER_LANGUAGES.map((language) => ({ value: language, label: t(`record.languages.${language}`) }))}
            onChange={set('language')}
            error={message('language')}
          />
        </div>
        {needsDetail && draft.source !== '' ? (
          <TextField
            name="sourceDetail"
            label={t(`record.fields.sourceDetail.${draft.source as 'other' | 'booking_system'}`)}
            value={draft.sourceDetail ?? ''}
            onChange={set('sourceDetail')}
            error={message('sourceDetail')}
            maxLength={100}
            isRequired
          />
        ) : null}

        <fieldset className="choice-group" aria-describedby={[basisHintId, errors.legalBasis ? basisErrorId : ''].filter(Boolean).join(' ')}>
          <legend className="field-label">
            {t('record.fields.legalBasis')}
            <span aria-hidden="true"> *</span>
          </legend>
          <div className="choice-options">
            {LEGAL_BASES.map((basis) => (
              <label key={basis} className="choice">
                <input
                  type="radio"
                  name="legalBasis"
                  value={basis}
                  checked={draft.legalBasis === basis}
                  aria-invalid={errors.legalBasis ? true : undefined}
                  onChange={() => set('legalBasis')(basis)}
                />
                {t(`record.legalBases.${basis}`)}
              </label>
            ))}
          </div>
          <p id={basisHintId} className="field-hint">
            {t('record.fields.legalBasisHint')}
          </p>
          {errors.legalBasis ? (
            <p id={basisErrorId} className="field-error">
              {message('legalBasis')}
            </p>
          ) : null}
        </fieldset>

        {isCreate ? (
          <fieldset className="consent-choices">
            <legend>{t('record.consent.formTitle')}</legend>
            <p className="field-hint">{t('record.consent.formIntro')}</p>
            {formConsentKinds(healthNotesEnabled).map((kind) => {
              const choice = consents[kind];
              return (
                <div key={kind} className="consent-choice">
                  <label className="choice">
                    <input type="checkbox" name={`consent-${kind}`} checked={choice.isGiven} onChange={(e) => setConsent(kind, { ...choice, isGiven: e.target.checked })} />
                    {t(`record.consentKinds.${kind}`)}
                  </label>
                  {kind === 'publication' ? <p className="field-hint consent-hint">{t('record.consent.publicationHint')}</p> : null}
                  {choice.isGiven ? (
                    <ConsentFields kind={kind} name={`consent-${kind}`} value={choice.input} onChange={(input) => setConsent(kind, { ...choice, input })} errors={consentErrors[kind] ?? {}} />
                  ) : null}
                </div>
              );
            })}
          </fieldset>
        ) : (
          <p className="field-hint form-note">{t('record.consent.formEditNote')}</p>
        )}

        <div className="art9-warning" role="note">
          <p className="art9-title">{t('record.art9.title')}</p>
          <p>
            {t('record.art9.body')} {healthNotesEnabled ? t('record.art9.withField') : null}
          </p>
        </div>
        <TextField name="notes" multiline label={t('customers.fields.notes')} value={draft.notes ?? ''} onChange={set('notes')} error={message('notes')} />
        {showsHealthNotes ? (
          isHealthConsented || (draft.healthNotes ?? '') !== '' ? (
            <TextField
              name="healthNotes"
              multiline
              label={t('record.fields.healthNotes')}
              hint={t('record.fields.healthNotesHint')}
              value={draft.healthNotes ?? ''}
              onChange={set('healthNotes')}
              error={message('healthNotes')}
            />
          ) : (
            <div className="field health-locked">
              <p className="field-label">{t('record.fields.healthNotes')}</p>
              <p className="field-hint">{isCreate ? t('record.fields.healthNotesLockedCreate') : t('record.fields.healthNotesLockedEdit')}</p>
              {errors.healthNotes ? <p className="field-error">{message('healthNotes')}</p> : null}
            </div>
          )
        ) : null}

        {duplicates !== null && duplicates.length > 0 ? (
          <DuplicateWarning
            duplicates={duplicates}
            getCustomer={getCustomer}
            maskContacts={maskContacts}
            isBusy={isBusy}
            onOpen={(id) => onOpenExisting?.(id)}
            onMergeInto={(id) => saveChecked(id)}
            onSaveAsNew={() => saveChecked(null)}
          />
        ) : null}
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
