import { useId, type ReactNode } from 'react';

export interface ColumnSelectProps {
  label: string;
  isRequired: boolean;
  isInvalid: boolean;
  describedBy: string | undefined;
  value: number | null;
  onChange: (column: number | null) => void;
  notImported: string;
  children: ReactNode;
}

/** A labelled native select: keyboard and screen readers know it without any help. */
export function ColumnSelect({ label, isRequired, isInvalid, describedBy, value, onChange, notImported, children }: ColumnSelectProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
        {isRequired ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select
        id={id}
        className="field-input"
        value={value ?? ''}
        aria-required={isRequired || undefined}
        aria-invalid={isInvalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">{notImported}</option>
        {children}
      </select>
    </div>
  );
}
