import { BusinessSchema, type Business } from '../../../../shared/schemas/business';
import { DisclosureSchema, type Disclosure } from '../../../../shared/schemas/disclosure';
import { GdprRequestSchema, type GdprRequest } from '../../../../shared/schemas/gdpr-request';

/** A synthetic salon (made-up name, address and a checksum-valid but invented Business ID). */
export function syntheticBusiness(overrides: Partial<Record<keyof Business, string>> = {}): Business {
  return BusinessSchema.parse({
    name: 'Kauneushoitola Sävy',
    businessId: '1234567-1',
    street: 'Testikatu 5 B',
    postalCode: '00990',
    city: 'Helsinki',
    privacyEmail: 'tietosuoja@example.test',
    privacyPhone: '040 555 0123',
    ...overrides,
  });
}

/** A stored GDPR request, checked against the register's own schema. */
export function storedRequest(overrides: Partial<GdprRequest> = {}): GdprRequest {
  return GdprRequestSchema.parse({
    id: 'request-1',
    type: 'access',
    requesterName: 'Testi Henkilö',
    requesterContact: 'Rantatie 3\n20100 Turku',
    channel: 'letter',
    receivedDate: '2026-11-10',
    customerId: null,
    description: '',
    attachment: null,
    identity: { state: 'pending' },
    status: 'received',
    refusal: null,
    extension: null,
    replySentDate: null,
    rectifications: [],
    history: [],
    createdAt: 0,
    createdBy: null,
    updatedAt: 0,
    updatedBy: null,
    ...overrides,
  });
}

/** A stored disclosure, checked against the register's own schema. */
export function storedDisclosure(overrides: Partial<Disclosure> = {}): Disclosure {
  return DisclosureSchema.parse({
    id: 'disclosure-1',
    recipientKind: 'authority',
    recipientName: 'Helsingin poliisilaitos',
    legalBasis: 'legal_obligation',
    legalBasisDetail: 'Poliisilaki 4 luku 3 §',
    scope: 'Yhteystiedot ja ajanvaraukset 2026',
    customerIds: ['someone-else'],
    date: '2026-06-02',
    reference: 'PL-2026-0042',
    requestId: null,
    recordedBy: 'user-owner',
    recordedAt: 0,
    ...overrides,
  });
}
