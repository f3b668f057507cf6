import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useI18n } from '../i18n';

/** What a Field hands its control so label, help and error are all linked to it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  required?: boolean;
}

export interface FieldProps {
  label: ReactNode;
  help?: ReactNode;
  /** Shown under the control and linked with aria-describedby; marks the control invalid. */
  error?: ReactNode;
  required?: boolean;
  /** Supply to reuse an existing id; otherwise one is generated. */
  id?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** A label, any control, a help text and an error text, linked for assistive technology. */
export function Field({ label, help, error, required = false, id, className, children }: FieldProps) {
  const { t } = useI18n();
  const generated = useId();
  const controlId = id ?? `f${generated.replace(/:/g, '')}`;
  const helpId = help ? `${controlId}-help` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`io-field${error ? ' io-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label className="io-field__label" htmlFor={controlId}>
        {label}
        {required ? (
          <span className="io-field__required">
            <span aria-hidden="true"> *</span>
            <span className="io-visually-hidden"> ({t('required')})</span>
          </span>
        ) : null}
      </label>
      {children({ id: controlId, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, required: required || undefined })}
      {error ? (
        <p className="io-field__error" id={errorId}>
          <svg className="io-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
            <path d="M8 1.5L15 14H1z" fill="currentColor" />
            <path className="io-icon__knockout" d="M8 6v3.5M8 11.5v.5" strokeWidth="1.6" strokeLinecap="round" />
          </svg>
          {error}
        </p>
      ) : null}
      {help ? (
        <p className="io-field__help" id={helpId}>
          {help}
        </p>
      ) : null}
    </div>
  );
}

type Common = Omit<FieldProps, 'children'>;

export function TextField({ label, help, error, required, id, className, ref, ...input }: Common & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return (
    <Field label={label} help={help} error={error} required={required} id={id} className={className}>
      {(control) => <input className="io-input" type="text" {...input} {...control} ref={ref} />}
    </Field>
  );
}

export function TextAreaField({ label, help, error, required, id, className, ref, ...input }: Common & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  return (
    <Field label={label} help={help} error={error} required={required} id={id} className={className}>
      {(control) => <textarea className="io-input io-textarea" rows={3} {...input} {...control} ref={ref} />}
    </Field>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export function SelectField({ label, help, error, required, id, className, options, ref, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: SelectOption[]; ref?: Ref<HTMLSelectElement> }) {
  return (
    <Field label={label} help={help} error={error} required={required} id={id} className={className}>
      {(control) => (
        <select className="io-input io-select" {...select} {...control} ref={ref}>
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A checkbox with its label beside it; help and error are linked the same way as in Field. */
export function CheckboxField({ label, help, error, id, className, ref, ...input }: Omit<Common, 'required'> & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & { ref?: Ref<HTMLInputElement> }) {
  const generated = useId();
  const controlId = id ?? `f${generated.replace(/:/g, '')}`;
  const helpId = help ? `${controlId}-help` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  return (
    <div className={`io-field io-field--checkbox${error ? ' io-field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <div className="io-checkbox">
        <input
          {...input}
          ref={ref}
          type="checkbox"
          id={controlId}
          className="io-checkbox__input"
          aria-describedby={[errorId, helpId].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? true : undefined}
        />
        <label htmlFor={controlId} className="io-checkbox__label">
          {label}
        </label>
      </div>
      {error ? (
        <p className="io-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {help ? (
        <p className="io-field__help" id={helpId}>
          {help}
        </p>
      ) : null}
    </div>
  );
}
