import { z } from 'zod';
import { optionalText, requiredText } from '../schemas/text';

/**
 * The successor company as the owner names it for a register transfer (issue 7, the seed's
 * business-transfer case). Zod and text fields only: the IPC contract (and so the sandboxed
 * preload) checks it strictly without loading the PDF generator that prints it.
 */
export const HandoverSuccessorSchema = z
  .object({
    /** The company taking the register over. */
    name: requiredText(200),
    /** Its business ID, when it has one (a Finnish Y-tunnus or a foreign registration number). */
    businessId: optionalText(40),
    /** Who acts as its controller and how to reach them (name, e-mail or phone). */
    controllerContact: requiredText(500),
  })
  .strict();
export type HandoverSuccessor = z.output<typeof HandoverSuccessorSchema>;
export type HandoverSuccessorInput = z.input<typeof HandoverSuccessorSchema>;

/** The files of a successor package, named by kind (never by a person). */
export const SUCCESSOR_ARCHIVE_FILE = 'register.age';
export const SUCCESSOR_NOTE_FILE = 'handover-note.pdf';
