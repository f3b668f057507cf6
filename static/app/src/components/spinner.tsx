export interface SpinnerProps {
  /** Announced and shown next to the spinner, e.g. "Hämtar översikten …". */
  label?: string;
  size?: 'small' | 'medium';
  /** Inside a control that already says what is happening: no role, no text. */
  decorative?: boolean;
}

export function Spinner({ label, size = 'medium', decorative = false }: SpinnerProps) {
  const px = size === 'small' ? 16 : 24;
  const svg = (
    <svg className={`io-spinner io-spinner--${size}`} viewBox="0 0 24 24" width={px} height={px} aria-hidden="true" focusable="false">
      <circle className="io-spinner__track" cx="12" cy="12" r="9.5" fill="none" strokeWidth="3" />
      <path className="io-spinner__arc" d="M12 2.5A9.5 9.5 0 0 1 21.5 12" fill="none" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
  if (decorative) return svg;
  return (
    <div className="io-spinner-wrap" role="status">
      {svg}
      {label ? <span className="io-spinner__label">{label}</span> : null}
    </div>
  );
}
