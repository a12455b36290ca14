import type { ChannelInput } from '../../../../shared/ipc/contract';
import type { Appointment } from '../../../../shared/schemas/appointment';
import type { BusinessInput } from '../../../../shared/schemas/business';
import type { Customer } from '../../../../shared/schemas/customer';

/**
 * Valid inputs of the document channels, from synthetic data only (made-up salon, made-up
 * people), for the role matrix and the document handler tests.
 */
export const SAMPLE_NOW = Date.UTC(2026, 10, 25, 10, 0);
const DAY = 24 * 60 * 60 * 1000;

export const sampleBusiness = (): BusinessInput => ({
  name: 'Kauneushoitola Sävy',
  businessId: '1234567-1',
  street: 'Testikatu 5 B',
  postalCode: '00990',
  city: 'Helsinki',
  privacyEmail: 'tietosuoja@example.test',
  privacyPhone: '040 555 0123',
});

/** A stored customer; `n` varies every personal field so no two samples share a value. */
export function sampleCustomer(n: number, overrides: Partial<Customer> = {}): Customer {
  return {
    id: `customer-${n}`,
    firstName: `Ilona${n}`,
    lastName: `Wałęsa-Östman${n}`,
    phone: `+35840123${String(4000 + n)}`,
    email: `ilona.${n}@example.test`,
    street: `Rantakatu ${n} B`,
    postalCode: '00170',
    city: 'Helsinki',
    language: 'fi',
    source: 'booking_system',
    sourceDetail: 'Varaamo Testi Oy',
    legalBasis: 'consent',
    notes: `Toivoo hiljaista aikaa ${n}.`,
    healthNotes: '',
    consents: [
      {
        id: `consent-${n}`,
        kind: 'marketing_email',
        givenAt: SAMPLE_NOW - 100 * DAY,
        method: 'signed_form',
        recordedBy: 'user-gone',
        noticeVersion: 3,
        scope: '',
        expiresAt: null,
        withdrawnAt: null,
        withdrawnBy: null,
      },
    ],
    createdAt: SAMPLE_NOW - 400 * DAY,
    createdBy: null,
    updatedAt: SAMPLE_NOW - 30 * DAY,
    updatedBy: null,
    ...overrides,
  };
}

export function sampleAppointment(customerId: string, n: number): Appointment {
  const start = SAMPLE_NOW - n * 7 * DAY;
  return {
    id: `appointment-${customerId}-${n}`,
    customerId,
    start,
    services: [{ serviceId: null, name: `Hiustenleikkaus ${n}`, durationMin: 45, priceCents: 4900 }],
    staff: 'Minna',
    channel: 'phone',
    notes: `Föönaus ${customerId}`,
    status: 'completed',
    history: [{ at: start - DAY, by: null, kind: 'booked', from: null, to: String(start) }],
    createdAt: start - DAY,
    createdBy: null,
    updatedAt: start - DAY,
  };
}

type AccessReportMessage = ChannelInput<'documents.saveAccessReport'>['reports'][number];

/** One person's report input, as the renderer sends it. */
export function sampleReport(customer: Customer, overrides: Partial<AccessReportMessage> = {}): AccessReportMessage {
  return {
    customer,
    appointments: [sampleAppointment(customer.id, 1), sampleAppointment(customer.id, 2)],
    requests: [{ type: 'access', receivedDate: '2026-11-10', status: 'in_progress', replySentDate: null, dueDate: '2026-12-10' }],
    disclosures: [],
    business: sampleBusiness(),
    reviewAfterMonths: 36,
    healthNotesEnabled: false,
    ...overrides,
  };
}

export const samplePrivacyNotice = (): Omit<ChannelInput<'documents.savePrivacyNotice'>, 'format'> => ({
  language: 'fi',
  business: sampleBusiness(),
  version: 3,
  date: '2026-11-25',
  reviewAfterMonths: 36,
  healthNotesEnabled: false,
});

export const sampleReplyLetter = (): ChannelInput<'documents.saveReplyLetter'> => ({
  language: 'fi',
  business: sampleBusiness(),
  request: { type: 'erasure', receivedDate: '2026-11-10', requesterName: 'Kerttu Kirjoittaja', requesterAddress: 'Kirjekuja 9\n20100 Turku', reference: 'request-7' },
  outcome: { kind: 'refused', reason: 'Kirjanpitolaki velvoittaa säilyttämään laskut kuusi vuotta.' },
  date: '2026-11-25',
  signatory: 'Olga Omistaja',
  requestId: 'request-7',
});

/** Real, tiny image files (8×8 pixels, drawn by Chromium's canvas encoder). */
export const TINY_JPEG_BASE64 =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAIAAgDASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAT/xAAdEAABAgcAAAAAAAAAAAAAAAAAERYlMlJlgpLw/8QAFAEBAAAAAAAAAAAAAAAAAAAABv/EAB0RAAICAgMBAAAAAAAAAAAAAAERAyEAYRITQbH/2gAMAwEAAhEDEQA/AJIy5rRhRtNyAAJSSdioBBV7s7xNHHwdksu/g1n/2Q==';
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAYAAADED76LAAAAPklEQVR4AayNwQkAMAgDg5N0FEfpKB2lozhKN2lfEelDPwqHEC5EbOnNEBTnwrSBCHsuMPh/o7D1IMKpcuIBAAD//0I3fk8AAAAGSURBVAMARAggCUBfaboAAAAASUVORK5CYII=';
