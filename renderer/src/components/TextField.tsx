import { forwardRef } from 'react';
import { FieldError, Input, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';

export interface TextFieldProps {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Translated error, shown next to the field and announced with it. */
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'tel' | 'password' | 'search';
  autoComplete?: string;
  multiline?: boolean;
  isRequired?: boolean;
  autoFocus?: boolean;
  inputMode?: 'text' | 'tel' | 'email' | 'numeric';
  maxLength?: number;
}

/**
 * A labelled text field whose hint and error are wired to the input (aria-describedby,
 * aria-invalid) by React Aria, so screen readers read the reason next to the field.
 * Validation itself is ours (zod), not the browser's.
 */
export const TextField = forwardRef<HTMLInputElement & HTMLTextAreaElement, TextFieldProps>(function TextField(
  { name, label, value, onChange, error, hint, type = 'text', autoComplete = 'off', multiline, isRequired, autoFocus, inputMode, maxLength },
  ref,
) {
  return (
    <AriaTextField
      className="field"
      name={name}
      value={value}
      onChange={onChange}
      isInvalid={error !== undefined}
      isRequired={isRequired}
      validationBehavior="aria"
      type={type}
      autoComplete={autoComplete}
      autoFocus={autoFocus}
      inputMode={inputMode}
      maxLength={maxLength}
    >
      <Label className="field-label">
        {label}
        {isRequired ? <span aria-hidden="true"> *</span> : null}
      </Label>
      {multiline ? <TextArea ref={ref} className="field-input" rows={4} spellCheck={false} /> : <Input ref={ref} className="field-input" spellCheck={false} />}
      {hint ? (
        <Text slot="description" className="field-hint">
          {hint}
        </Text>
      ) : null}
      <FieldError className="field-error">{error}</FieldError>
    </AriaTextField>
  );
});
