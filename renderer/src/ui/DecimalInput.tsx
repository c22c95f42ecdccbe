import { TextInput, type TextInputProps } from '@mantine/core';
import { isDecimalText, isPositiveDecimalText, notAboveZero, splitQuantity, typedDecimalProblem } from '../../../shared/decimal-text';

/**
 * A quantity or money field that takes what people type ("0,5" and "0.5") and, when the text is not a number,
 * highlights itself and names itself in the message ("Quantity per item sold: … both a point and a
 * comma …"), so the person knows which field to fix and what was understood.
 */
export function DecimalInput({ label, value, onChange, positive = false, withUnit = false, ...rest }: Omit<TextInputProps, 'onChange' | 'value' | 'error'> & {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A quantity that must be more than nothing (a mapping, waste, a move): 0 and below are refused before saving. */
  positive?: boolean;
  /** A quantity that may carry its unit ("3 case", "250 g"): the number is checked here, the unit by the engine when saving. */
  withUnit?: boolean;
}) {
  const number = withUnit ? splitQuantity(value).number : value;
  // An empty field is not wrong yet: the form's button waits for it instead.
  const problem =
    value.trim() === '' ? null : !isDecimalText(number) ? `${label}: ${typedDecimalProblem(number)}` : positive && !isPositiveDecimalText(number) ? notAboveZero(label) : null;
  return <TextInput label={label} value={value} onChange={(event) => onChange(event.currentTarget.value)} inputMode={withUnit ? 'text' : 'decimal'} error={problem} {...rest} />;
}

/** Whether a form may be sent: the field is filled and reads as a number (above 0 where it must be), its unit aside when it may carry one. */
export const decimalReady = (value: string, positive = false, withUnit = false) => {
  const number = withUnit ? splitQuantity(value).number : value;
  return value.trim() !== '' && (positive ? isPositiveDecimalText(number) : isDecimalText(number));
};
