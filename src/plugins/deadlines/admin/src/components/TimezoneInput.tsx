import * as React from 'react';
import { Combobox, ComboboxOption, Field } from '@strapi/design-system';
import { useField } from '@strapi/strapi/admin';

interface TimezoneInputProps {
  name: string;
  label: string;
  hint?: React.ReactNode;
  required?: boolean;
  disabled?: boolean;
  labelAction?: React.ReactNode;
}

// Every IANA timezone the browser knows; the server validates the chosen one again on every write.
const ZONES = Intl.supportedValuesOf('timeZone');

/** The `timezone` custom field: a zone chosen from the IANA list, not typed freely. */
const TimezoneInput = React.forwardRef<HTMLInputElement, TimezoneInputProps>(
  ({ name, label, hint, required, disabled, labelAction }, ref) => {
    const field = useField<string | null>(name);
    // The combobox shows its text, not its value: kept in step with the form's value.
    const [text, setText] = React.useState(field.value ?? '');
    React.useEffect(() => setText(field.value ?? ''), [field.value]);
    return (
      <Field.Root name={name} error={field.error} hint={hint} required={required}>
        <Field.Label action={labelAction}>{label}</Field.Label>
        <Combobox
          ref={ref}
          value={field.value ?? ''}
          textValue={text}
          onTextValueChange={setText}
          disabled={disabled}
          autocomplete={{ type: 'list', filter: 'contains' }}
          onChange={(value?: string) => field.onChange(name, value ?? null)}
          onClear={() => field.onChange(name, null)}
        >
          {ZONES.map((zone) => (
            <ComboboxOption key={zone} value={zone}>
              {zone}
            </ComboboxOption>
          ))}
        </Combobox>
        <Field.Hint />
        <Field.Error />
      </Field.Root>
    );
  },
);

export default TimezoneInput;
