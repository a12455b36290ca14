import type { Customer } from '../../../../shared/schemas/customer';

/** A customer as the day view and the booking form name them: first name, then last. */
export const customerName = (customer: Pick<Customer, 'firstName' | 'lastName'>): string => `${customer.firstName} ${customer.lastName}`.trim();
