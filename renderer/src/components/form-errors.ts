import type { z } from 'zod';

/**
 * Turns zod issues into `{ field: i18nKey }`, first issue per field. Schemas in shared/ use
 * i18n keys as messages, so the UI translates them with `validation.<key>`.
 */
export function fieldErrors(error: z.ZodError | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error?.issues ?? []) {
    const field = String(issue.path[0] ?? '');
    if (!(field in result)) result[field] = issue.message;
  }
  return result;
}

/** Moves focus to the first invalid field, in form order, so keyboard users land on the problem. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  first?.focus();
}
