import { createContext, useContext } from 'react';

/**
 * Moving between the workspace's views with something in hand: a customer to open, a customer to
 * book for, a day to show. Screens call these instead of knowing about each other.
 */
export interface WorkspaceNav {
  /** Shows the customer list with this customer open. */
  openCustomer(customerId: string): void;
  /**
   * Shows the customer list with this customer's record open for editing under a rectification
   * request (GDPR Art. 16): what is saved there is linked to the request.
   */
  rectifyCustomer(customerId: string, requestId: string): void;
  /** Shows the day view with the booking form open for this customer. */
  bookFor(customerId: string): void;
  /** Shows the day view on the day containing `at` (epoch ms). */
  showDay(at: number): void;
}

const noop: WorkspaceNav = { openCustomer: () => undefined, rectifyCustomer: () => undefined, bookFor: () => undefined, showDay: () => undefined };

export const WorkspaceNavContext = createContext<WorkspaceNav>(noop);

export function useWorkspaceNav(): WorkspaceNav {
  return useContext(WorkspaceNavContext);
}
