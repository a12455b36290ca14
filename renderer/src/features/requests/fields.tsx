import { useId } from 'react';

/**
 * Small native fields of the request forms: a select and a date (`<input type="date">` gives an
 * ISO value, which is what the shared schemas take, and a localised picker). Label, hint and
 * error are wired to the control for screen readers.
 */
export function SelectField({ label, value, onChange, options }: { label: string; value: string; onChange: (value: string) => void; options: readonly (readonly [string, string])[] }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} className="field-input" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DateField({ label, value, onChange, error, max }: { label: string; value: string; onChange: (value: string) => void; error?: string | undefined; max?: string }) {
  const id = useId();
  const errorId = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        id={id}
        type="date"
        className="field-input date-input"
        value={value}
        max={max}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={error === undefined ? undefined : errorId}
        onChange={(e) => onChange(e.target.value)}
      />
      {error === undefined ? null : (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
