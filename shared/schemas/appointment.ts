import { z } from 'zod';
import { CustomerSourceSchema } from './customer';
import { optionalText, requiredText, V } from './fields';

/**
 * Services and appointments (issue 5). Prices are integer cents (no floating-point money);
 * durations are whole minutes; times are epoch milliseconds.
 */
const EpochMs = z.number().int().nonnegative();
const IdSchema = z.string().min(1).max(64);
export const MAX_DURATION_MINUTES = 12 * 60;
export const MAX_PRICE_CENTS = 100_000_00;

const Minutes = z
  .number({ error: V.required })
  .int({ error: 'duration_invalid' })
  .min(5, { error: 'duration_invalid' })
  .max(MAX_DURATION_MINUTES, { error: 'duration_invalid' });
const Cents = z
  .number({ error: V.required })
  .int({ error: 'price_invalid' })
  .min(0, { error: 'price_invalid' })
  .max(MAX_PRICE_CENTS, { error: 'price_invalid' });

/** What the service catalogue form submits. */
export const ServiceDraftSchema = z.object({
  name: requiredText(100),
  durationMin: Minutes,
  priceCents: Cents,
  active: z.boolean(),
});
export type ServiceDraftInput = z.input<typeof ServiceDraftSchema>;

export const ServiceSchema = z.object({
  id: IdSchema,
  name: z.string(),
  durationMin: z.number().int(),
  priceCents: z.number().int(),
  active: z.boolean(),
  createdAt: EpochMs,
  updatedAt: EpochMs,
});
export type Service = z.infer<typeof ServiceSchema>;

/**
 * A service as booked: its name, duration and price copied at booking time, so a later change in
 * the catalogue never changes what the customer was quoted.
 */
export const BookedServiceSchema = z.object({
  serviceId: IdSchema.nullable(),
  name: requiredText(100),
  durationMin: Minutes,
  priceCents: Cents,
});
export type BookedService = z.infer<typeof BookedServiceSchema>;

export const APPOINTMENT_STATUSES = ['booked', 'completed', 'no_show', 'cancelled_by_customer', 'cancelled_by_salon'] as const;
export const AppointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof AppointmentStatusSchema>;

/** Statuses that hold the staff member's time (a cancelled slot is free again). */
export const TIME_HOLDING_STATUSES: readonly AppointmentStatus[] = ['booked', 'completed', 'no_show'];

/** How the booking reached the salon; the same list as a customer's data sources. */
export const BookingChannelSchema = CustomerSourceSchema;
export type BookingChannel = z.infer<typeof BookingChannelSchema>;

/** What the booking form submits. Totals are derived from the services, never typed twice. */
export const AppointmentDraftSchema = z.object({
  customerId: IdSchema,
  start: EpochMs,
  services: z.array(BookedServiceSchema).min(1, { error: 'services_required' }).max(10),
  staff: requiredText(100),
  channel: BookingChannelSchema,
  notes: optionalText(1000),
});
export type AppointmentDraftInput = z.input<typeof AppointmentDraftSchema>;
export type AppointmentDraft = z.output<typeof AppointmentDraftSchema>;

/** One entry of an appointment's history: what changed, who changed it, when. */
export const AppointmentChangeSchema = z.object({
  at: EpochMs,
  by: IdSchema.nullable(),
  kind: z.enum(['booked', 'rescheduled', 'services_changed', 'staff_changed', 'status_changed', 'notes_changed']),
  /** Machine-readable before / after: start times, service names, statuses. */
  from: z.string().max(500).nullable(),
  to: z.string().max(500).nullable(),
});
export type AppointmentChange = z.infer<typeof AppointmentChangeSchema>;

export const AppointmentSchema = z.object({
  id: IdSchema,
  customerId: IdSchema,
  start: EpochMs,
  services: z.array(BookedServiceSchema).min(1),
  staff: z.string(),
  channel: BookingChannelSchema,
  notes: z.string(),
  status: AppointmentStatusSchema,
  history: z.array(AppointmentChangeSchema),
  createdAt: EpochMs,
  createdBy: IdSchema.nullable(),
  updatedAt: EpochMs,
});
export type Appointment = z.infer<typeof AppointmentSchema>;
