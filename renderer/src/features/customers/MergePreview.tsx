import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Radio, RadioGroup } from 'react-aria-components';
import { defaultPicks, JOINABLE_FIELDS, mergeCustomers, type MergeChoice, type MergePicks } from '../../../../shared/domain/merge';
import { formatPhone } from '../../../../shared/domain/phone';
import { CUSTOMER_DRAFT_FIELDS, type Customer, type CustomerDraftField } from '../../../../shared/schemas/customer';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage } from '../../components/StatusMessage';
import type { MergeRecord, Register } from '../../db/register';
import { journalCustomer } from '../session/audit';
import { useNow } from './useNow';
import './customers.css';

export interface MergePreviewProps {
  register: Register;
  survivor: Customer;
  other: Customer;
  /** The other customer was saved a moment ago from the duplicate warning. */
  isAfterCreate: boolean;
  onSwap: () => void;
  onMerged: (record: MergeRecord) => void;
  onCancel: () => void;
}

/** The fields a person picks between. The source detail goes with the source it describes. */
const PICKED_FIELDS = CUSTOMER_DRAFT_FIELDS.filter((field) => field !== 'sourceDetail');

const FIELD_LABELS: Record<Exclude<CustomerDraftField, 'sourceDetail'>, string> = {
  firstName: 'customers.fields.firstName',
  lastName: 'customers.fields.lastName',
  phone: 'customers.fields.phone',
  email: 'customers.fields.email',
  street: 'customers.fields.street',
  postalCode: 'customers.fields.postalCode',
  city: 'customers.fields.city',
  language: 'record.fields.language',
  source: 'record.fields.source',
  legalBasis: 'record.fields.legalBasis',
  notes: 'customers.fields.notes',
  healthNotes: 'record.fields.healthNotes',
};

/**
 * Merging two records of one person, side by side: per field, whose value wins (or both, for
 * notes), with the result beside it; what moves to the survivor; a confirmation; and the merge
 * journaled. The register does it in one transaction and keeps what undoing it needs.
 */
export function MergePreview({ register, survivor, other, isAfterCreate, onSwap, onMerged, onCancel }: MergePreviewProps) {
  const { t } = useTranslation();
  const [picks, setPicks] = useState<MergePicks>(() => {
    const { sourceDetail: _followsSource, ...rest } = defaultPicks(survivor, other);
    return rest;
  });
  const now = useNow(Math.max(survivor.updatedAt, other.updatedAt));
  const [isConfirmOpen, setConfirmOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const result = mergeCustomers(survivor, other, picks, now, register.actor.userId);
  const survivorName = `${survivor.firstName} ${survivor.lastName}`;
  const otherName = `${other.firstName} ${other.lastName}`;
  const appointments = register.appointments.isLoaded ? register.appointments.forCustomer(other.id).length : null;
  const survivorConsentIds = new Set(survivor.consents.map((consent) => consent.id));
  const movingConsents = other.consents.filter((consent) => !survivorConsentIds.has(consent.id)).length;

  const show = (customer: Customer, field: CustomerDraftField): string => {
    const value = customer[field];
    if (value === '') return t('record.merge.emptyValue');
    switch (field) {
      case 'phone':
        return formatPhone(value);
      case 'language':
        return t(`record.languages.${customer.language}`);
      case 'source':
        return t(`record.sources.${customer.source}`) + (customer.sourceDetail ? `: ${customer.sourceDetail}` : '');
      case 'legalBasis':
        return t(`record.legalBases.${customer.legalBasis}`);
      default:
        return value;
    }
  };
  const rows = PICKED_FIELDS.filter((field) => survivor[field] !== '' || other[field] !== '');

  async function merge() {
    setConfirmOpen(false);
    if (isBusy) return;
    setBusy(true);
    setFailure(null);
    try {
      const record = await register.merge(survivor.id, other.id, picks);
      void journalCustomer('customer.merged', survivor.id);
      onMerged(record);
    } catch {
      setBusy(false);
      setFailure(t('record.merge.failed'));
    }
  }

  return (
    <section
      className="merge-preview"
      aria-labelledby="merge-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !isConfirmOpen) onCancel();
      }}
    >
      <h2 id="merge-title" tabIndex={-1}>
        {t('record.merge.title')}
      </h2>
      {isAfterCreate ? <p className="merge-after-create">{t('record.merge.afterCreate')}</p> : null}
      <p className="lead">{t('record.merge.intro')}</p>
      <div className="merge-grid" role="group" aria-label={t('record.merge.title')}>
        <div className="merge-row merge-head" aria-hidden="true">
          <span className="merge-field">{t('record.merge.field')}</span>
          <span>
            {t('record.merge.survivor')}: <strong>{survivorName}</strong>
          </span>
          <span>
            {t('record.merge.other')}: <strong>{otherName}</strong>
          </span>
          <span>{t('record.merge.result')}</span>
        </div>
        {rows.map((field) => {
          const label = t(FIELD_LABELS[field] as 'customers.fields.firstName');
          const isJoinable = JOINABLE_FIELDS.includes(field);
          const choice = picks[field] ?? 'survivor';
          return (
            <RadioGroup
              key={field}
              className="merge-row"
              aria-label={label}
              orientation="horizontal"
              value={choice}
              onChange={(value) => setPicks((current) => ({ ...current, [field]: value as MergeChoice }))}
            >
              <span className="merge-field" aria-hidden="true">
                {label}
              </span>
              <Radio value="survivor" className="merge-option">
                <span className="visually-hidden">{t('record.merge.survivor')}:</span>{' '}
                <span className="merge-value">{show(survivor, field)}</span>
              </Radio>
              <div className="merge-other">
                <Radio value="merged" className="merge-option">
                  <span className="visually-hidden">{t('record.merge.other')}:</span>{' '}
                  <span className="merge-value">{show(other, field)}</span>
                </Radio>
                {isJoinable ? (
                  <Radio value="both" className="merge-option">
                    {t('record.merge.both')}
                  </Radio>
                ) : null}
              </div>
              <output className="merge-result">
                <span className="visually-hidden">{t('record.merge.result')}:</span>{' '}
                <span className="merge-value">{show(result, field)}</span>
              </output>
            </RadioGroup>
          );
        })}
      </div>
      <p className="merge-moves">
        {t('record.merge.moves', {
          appointments: appointments === null ? t('record.merge.loadingAppointments') : t('record.merge.appointments', { count: appointments }),
          consents: t('record.merge.consents', { count: movingConsents }),
        })}
      </p>
      <p className="field-hint">{t('record.merge.undoNote')}</p>
      <ErrorMessage message={failure} />
      <div className="form-actions">
        <Button className="button" onPress={onCancel}>
          {t('record.merge.cancel')}
        </Button>
        <Button className="button" onPress={onSwap} isDisabled={isBusy}>
          {t('record.merge.swap')}
        </Button>
        <Button className="button button-primary" onPress={() => setConfirmOpen(true)} isDisabled={isBusy}>
          {isBusy ? t('record.merge.merging') : t('record.merge.confirm')}
        </Button>
      </div>
      <ConfirmDialog
        isOpen={isConfirmOpen}
        title={t('record.merge.confirmTitle')}
        body={t('record.merge.confirmBody', { survivor: survivorName, other: otherName })}
        confirmLabel={t('record.merge.confirm')}
        cancelLabel={t('record.merge.cancel')}
        onConfirm={() => void merge()}
        onCancel={() => setConfirmOpen(false)}
      />
    </section>
  );
}
