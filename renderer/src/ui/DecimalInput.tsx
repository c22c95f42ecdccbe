import { TextInput, type TextInputProps } from '@mantine/core';
import { isDecimalText, typedDecimalProblem } from '../../../shared/decimal-text';

/**
 * A quantity or money field that takes what people type ("0,5" and "0.5") and, when the text is not a number,
 * highlights itself and names itself in the message ("Quantity per item sold: … both a point and a
 * comma …"), so the person knows which field to fix and what was understood.
 */
export function DecimalInput({ label, value, onChange, ...rest }: Omit<TextInputProps, 'onChange' | 'value' | 'error'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  // An empty field is not wrong yet: the form's button waits for it instead.
  const problem = value.trim() === '' || isDecimalText(value) ? null : `${label}: ${typedDecimalProblem(value)}`;
  return <TextInput label={label} value={value} onChange={(event) => onChange(event.currentTarget.value)} inputMode="decimal" error={problem} {...rest} />;
}

/** Whether a form may be sent: the field is filled and reads as a number. */
export const decimalReady = (value: string) => value.trim() !== '' && isDecimalText(value);
