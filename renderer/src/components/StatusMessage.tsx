/** A polite live region: saved/deleted confirmations are announced without moving focus. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <p className="status-message" role="status" aria-live="polite">
      {message}
    </p>
  );
}

/** An assertive alert for errors the user must act on. */
export function ErrorMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="error-message" role="alert">
      {message}
    </p>
  );
}
