import { useState } from 'react';
import type { DisclosureDraftInput } from '../../../../shared/schemas/disclosure';
import type { Register } from '../../db/register';

/**
 * Records a disclosure once its files are written — and when that fails (the store refuses, the
 * register locked while the dialog was open), keeps the entry so the owner can record it again
 * with one press, instead of exporting everything a second time: the data has left the salon
 * either way, and the log must say so.
 */
export function useDisclosureRecorder(register: Register, onDone: (message: string) => void, onFailed: () => void) {
  const [unrecorded, setUnrecorded] = useState<{ draft: DisclosureDraftInput; message: string } | null>(null);

  async function record(draft: DisclosureDraftInput, message: string): Promise<void> {
    try {
      await register.disclosures.record(draft);
      setUnrecorded(null);
      onDone(message);
    } catch {
      setUnrecorded({ draft, message });
      onFailed();
    }
  }

  return { unrecorded, record, retry: () => (unrecorded === null ? Promise.resolve() : record(unrecorded.draft, unrecorded.message)) };
}
