import { forwardRef, type KeyboardEvent } from 'react';
import { FieldError, Input, Label, Text, TextArea, TextField } from 'react-aria-components';
import './appointments.css';

export interface InputFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Translated error, shown next to the field and announced with it (aria-describedby). */
  error?: string | undefined;
  hint?: string | undefined;
  isRequired?: boolean;
  autoFocus?: boolean;
  multiline?: boolean;
  inputMode?: 'text' | 'numeric' | 'decimal';
  maxLength?: number;
  /** The id of a `<datalist>` of suggestions. */
  list?: string;
  /** Visually hidden label (a table of inputs has its column header instead). */
  hideLabel?: boolean;
  className?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/**
 * The booking and catalogue forms' text field: like components/TextField (React Aria wires the
 * label, hint and error to the input), plus the few input props these forms need — a datalist of
 * suggestions, key handling (↑/↓ step a date or a time) and a hidden label for inputs in a table.
 * Validation is ours (zod), never the browser's.
 */
export const InputField = forwardRef<HTMLInputElement & HTMLTextAreaElement, InputFieldProps>(function InputField(
  { name, label, value, onChange, error, hint, isRequired, autoFocus, multiline, inputMode, maxLength, list, hideLabel, className, onKeyDown },
  ref,
) {
  return (
    <TextField
      className={className ? `field ${className}` : 'field'}
      name={name}
      value={value}
      onChange={onChange}
      isInvalid={error !== undefined}
      isRequired={isRequired}
      validationBehavior="aria"
      autoComplete="off"
      autoFocus={autoFocus}
      inputMode={inputMode}
      maxLength={maxLength}
    >
      <Label className={hideLabel ? 'field-label visually-hidden' : 'field-label'}>
        {label}
        {isRequired && !hideLabel ? <span aria-hidden="true"> *</span> : null}
      </Label>
      {multiline ? (
        <TextArea ref={ref} className="field-input" rows={3} spellCheck={false} />
      ) : (
        <Input ref={ref} className="field-input" spellCheck={false} list={list} onKeyDown={onKeyDown} />
      )}
      {hint ? (
        <Text slot="description" className="field-hint">
          {hint}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
});
