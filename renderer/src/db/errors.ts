/** Errors of the data layer; the UI maps each to a translated message. */

/** The record asked for does not exist (any more). */
export class NotFoundError extends Error {
  override readonly name: string = 'NotFoundError';
}

/** The signed-in role may not do this (the UI hides it too; main enforces its own channels). */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

/**
 * The customer's processing is restricted (GDPR Art. 18): their record, consents and bookings are
 * read-only until the owner lifts the restriction. The UI shows the restriction banner instead.
 */
export class CustomerRestrictedError extends Error {
  override readonly name = 'CustomerRestrictedError';
  constructor(readonly customerId: string) {
    super('the customer’s processing is restricted');
  }
}

/** Why a GDPR request cannot take this step now; the UI translates the code. */
export type RequestStateCode =
  /** Answered or refused already. */
  | 'request_closed'
  /** Art. 12(3) allows one extension. */
  | 'already_extended'
  /** The request is about someone else (or no one in the register). */
  | 'request_other_customer'
  /** The step belongs to another type of request (a rectification link on an access request). */
  | 'request_wrong_type'
  /** Nothing is attached. */
  | 'no_attachment';

export class RequestStateError extends Error {
  override readonly name = 'RequestStateError';
  constructor(readonly code: RequestStateCode) {
    super(code);
  }
}

/** Why a restriction or objection cannot change now; the UI translates the code. */
export type PrivacyStateCode = 'already_restricted' | 'not_restricted' | 'not_objected';

export class PrivacyStateError extends Error {
  override readonly name = 'PrivacyStateError';
  constructor(readonly code: PrivacyStateCode) {
    super(code);
  }
}
