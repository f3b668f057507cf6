import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { Spinner } from './spinner';

export type ButtonAppearance = 'primary' | 'default' | 'subtle' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: ButtonAppearance;
  /** Shows a spinner and blocks further clicks, keeping the label so the button keeps its name. */
  isLoading?: boolean;
  iconBefore?: ReactNode;
  ref?: Ref<HTMLButtonElement>;
}

/** ADS-like button. type defaults to "button" so a button inside a form never submits by accident. */
export function Button({ appearance = 'default', isLoading = false, iconBefore, className, children, type = 'button', disabled, ref, ...rest }: ButtonProps) {
  const classes = ['io-button', `io-button--${appearance}`, isLoading ? 'io-button--loading' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <button
      {...rest}
      ref={ref}
      type={type}
      className={classes}
      disabled={disabled}
      aria-disabled={isLoading || undefined}
      aria-busy={isLoading || undefined}
      onClick={isLoading ? (e) => e.preventDefault() : rest.onClick}
    >
      {isLoading ? <Spinner size="small" decorative /> : iconBefore}
      <span className="io-button__label">{children}</span>
    </button>
  );
}
