/** Errors of the data layer; the UI maps each to a translated message. */

/** The record asked for does not exist (any more). */
export class NotFoundError extends Error {
  override readonly name: string = 'NotFoundError';
}

/** The signed-in role may not do this (the UI hides it too; main enforces its own channels). */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}
