import { z } from 'zod';
import { optionalEmail, optionalPhone, optionalPostalCode, optionalText, requiredText } from './fields';

/** What the customer form submits; parsing normalises it (trimmed text, E.164 phone, lower-case e-mail). */
export const CustomerDraftSchema = z.object({
  firstName: requiredText(100),
  lastName: requiredText(100),
  phone: optionalPhone,
  email: optionalEmail,
  street: optionalText(200),
  postalCode: optionalPostalCode,
  city: optionalText(100),
  notes: optionalText(5000),
});
export type CustomerDraftInput = z.input<typeof CustomerDraftSchema>;
export type CustomerDraft = z.output<typeof CustomerDraftSchema>;

export const EMPTY_CUSTOMER_DRAFT: CustomerDraftInput = {
  firstName: '',
  lastName: '',
  phone: '',
  email: '',
  street: '',
  postalCode: '',
  city: '',
  notes: '',
};

/** A stored customer: the normalised draft plus identity and bookkeeping. Lives only encrypted at rest. */
export const CustomerSchema = z.object({
  id: z.string().min(1).max(64),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string(),
  email: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  notes: z.string(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
});
export type Customer = z.infer<typeof CustomerSchema>;

/** The draft form of a stored customer, for editing. */
export const toDraft = (customer: Customer): CustomerDraftInput => ({
  firstName: customer.firstName,
  lastName: customer.lastName,
  phone: customer.phone,
  email: customer.email,
  street: customer.street,
  postalCode: customer.postalCode,
  city: customer.city,
  notes: customer.notes,
});
