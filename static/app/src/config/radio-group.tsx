import { useId } from 'react';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
}

/** A set of radio buttons in a fieldset, so the question (legend) is read with each choice. */
export function RadioGroup<V extends string>({
  legend,
  name,
  value,
  options,
  onChange,
}: {
  legend: string;
  name: string;
  value: V;
  options: ReadonlyArray<RadioOption<V>>;
  onChange(value: V): void;
}) {
  const base = useId().replace(/:/g, '');
  return (
    <fieldset className="io-fieldset">
      <legend>{legend}</legend>
      {options.map((o) => {
        const id = `${base}-${name}-${o.value}`;
        return (
          <div className="io-radio" key={o.value}>
            <input type="radio" id={id} name={`${base}-${name}`} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            <label htmlFor={id}>{o.label}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
