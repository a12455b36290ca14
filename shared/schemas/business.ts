import { z } from 'zod';
import { normalizeBusinessId } from '../domain/business-id';
import { V, optionalEmail, optionalPhone, optionalPostalCode, requiredText } from './fields';

/** The controller's identity as the privacy notice names it. Not customer data, but still kept encrypted. */
export const BusinessSchema = z
  .object({
    name: requiredText(120),
    businessId: z
      .string()
      .trim()
      .transform((value, ctx) => {
        const normalized = normalizeBusinessId(value);
        if (normalized === null) {
          ctx.addIssue({ code: 'custom', message: value === '' ? V.required : V.businessId });
          return z.NEVER;
        }
        return normalized;
      }),
    street: requiredText(200),
    postalCode: optionalPostalCode.refine((v) => v !== '', { error: V.required }),
    city: requiredText(100),
    privacyEmail: optionalEmail,
    privacyPhone: optionalPhone,
  })
  .refine((value) => Boolean(value.privacyEmail) || Boolean(value.privacyPhone), {
    // The privacy notice must say how a person reaches the controller: one way is enough.
    // `when` makes it run even when other fields are invalid, so the form shows every problem.
    path: ['privacyEmail'],
    message: V.required,
    when: () => true,
  });
export type BusinessInput = z.input<typeof BusinessSchema>;
export type Business = z.output<typeof BusinessSchema>;

export const OwnerSchema = z.object({
  ownerName: requiredText(100),
});

export const EMPTY_BUSINESS: BusinessInput = {
  name: '',
  businessId: '',
  street: '',
  postalCode: '',
  city: '',
  privacyEmail: '',
  privacyPhone: '',
};

