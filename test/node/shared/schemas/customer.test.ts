import { describe, expect, it } from 'vitest';
import { CustomerDraftSchema, EMPTY_CUSTOMER_DRAFT } from '../../../../shared/schemas/customer';
import { BusinessSchema, EMPTY_BUSINESS } from '../../../../shared/schemas/business';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('customer draft', () => {
  it('normalises a valid draft', () => {
    const parsed = CustomerDraftSchema.parse({ ...EMPTY_CUSTOMER_DRAFT, firstName: ' Aino ', lastName: 'Mäki', phone: '040 123 4567', email: 'Aino@Example.TEST' });
    expect(parsed).toMatchObject({ firstName: 'Aino', phone: '+358401234567', email: 'aino@example.test' });
  });

  it('explains every invalid field with an i18n key, not with the value', () => {
    const result = CustomerDraftSchema.safeParse({ ...EMPTY_CUSTOMER_DRAFT, phone: '12345', email: 'x@', postalCode: '123', notes: 'x'.repeat(5001) });
    expect(issues(result)).toEqual({
      firstName: 'required',
      lastName: 'required',
      phone: 'phone_invalid',
      email: 'email_invalid',
      postalCode: 'postal_code_invalid',
      notes: 'too_long',
    });
  });

  it('refuses a non-string field', () => {
    expect(CustomerDraftSchema.safeParse({ ...EMPTY_CUSTOMER_DRAFT, firstName: 5 }).success).toBe(false);
  });
});

describe('business settings', () => {
  it('requires a valid Business ID and one privacy contact', () => {
    const result = BusinessSchema.safeParse({ ...EMPTY_BUSINESS, name: 'Salonki', businessId: '0112038-8', street: 'Katu 1', postalCode: '00100', city: 'Helsinki' });
    expect(issues(result)).toEqual({ businessId: 'business_id_invalid', privacyEmail: 'required' });
    const good = BusinessSchema.parse({ ...EMPTY_BUSINESS, name: 'Salonki', businessId: '01120389', street: 'Katu 1', postalCode: '00100', city: 'Helsinki', privacyPhone: '040 123 4567' });
    expect(good.businessId).toBe('0112038-9');
  });
});
