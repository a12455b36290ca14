import { useId } from 'react';

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SelectFieldProps {
  name: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** Shown first with value '' when nothing is chosen yet (a required choice with no default). */
  placeholder?: string | undefined;
  hint?: string | undefined;
  /** Translated error, shown under the field and part of its description. */
  error?: string | undefined;
  isRequired?: boolean;
  isDisabled?: boolean;
  autoFocus?: boolean;
}

/**
 * A labelled native `<select>`: the platform's own keyboard behaviour (type to jump, arrows,
 * Alt+Down), with the hint and error wired to it as the text fields are (aria-describedby,
 * aria-invalid).
 */
export function SelectField({ name, label, value, options, onChange, placeholder, hint, error, isRequired, isDisabled, autoFocus }: SelectFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
        {isRequired ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select
        id={id}
        name={name}
        className="field-input"
        value={value}
        aria-invalid={error !== undefined ? true : undefined}
        aria-required={isRequired ? true : undefined}
        aria-describedby={describedBy}
        disabled={isDisabled}
        autoFocus={autoFocus}
        onChange={(e) => onChange(e.target.value)}
      >
        {placeholder !== undefined ? (
          <option value="" disabled={value !== ''}>
            {placeholder}
          </option>
        ) : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
