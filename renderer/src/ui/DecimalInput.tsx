import { TextInput, type TextInputProps } from '@mantine/core';
import { isDecimalText, isPositiveDecimalText, notAboveZero, typedDecimalProblem } from '../../../shared/decimal-text';

/**
 * A quantity or money field that takes what people type ("0,5" and "0.5") and, when the text is not a number,
 * highlights itself and names itself in the message ("Quantity per item sold: … both a point and a
 * comma …"), so the person knows which field to fix and what was understood.
 */
export function DecimalInput({ label, value, onChange, positive = false, ...rest }: Omit<TextInputProps, 'onChange' | 'value' | 'error'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A quantity that must be more than nothing (a mapping, waste, a move): 0 and below are refused before saving. */
  positive?: boolean;
}) {
  // An empty field is not wrong yet: the form's button waits for it instead.
  const problem =
    value.trim() === '' ? null : !isDecimalText(value) ? `${label}: ${typedDecimalProblem(value)}` : positive && !isPositiveDecimalText(value) ? notAboveZero(label) : null;
  return <TextInput label={label} value={value} onChange={(event) => onChange(event.currentTarget.value)} inputMode="decimal" error={problem} {...rest} />;
}

/** Whether a form may be sent: the field is filled and reads as a number (above 0 where it must be). */
export const decimalReady = (value: string, positive = false) => value.trim() !== '' && (positive ? isPositiveDecimalText(value) : isDecimalText(value));
