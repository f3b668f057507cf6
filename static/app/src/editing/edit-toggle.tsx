import { Button } from '../components/button';
import { useAnnounce } from '../components/live-region';

export interface EditToggleProps {
  /** Whether the mode is on (the button is pressed). */
  on: boolean;
  onToggle(on: boolean): void;
  /** The button's text: "Redigera". */
  label: string;
  /** Read out after turning the mode on: what the editor can now do in this view. */
  onText: string;
  /** Read out after turning it off. */
  offText: string;
}

/**
 * A view's edit-mode switch: a pressed/not-pressed button that says what it did. The texts come from the
 * view (each says what editing means there), so this stays in the first screen's chunk without pulling in
 * the editors' texts. The roadmap's table toggle is the same kind of switch and uses it too.
 */
export function EditToggle({ on, onToggle, label, onText, offText }: EditToggleProps) {
  const announce = useAnnounce();
  return (
    <Button
      aria-pressed={on}
      appearance={on ? 'primary' : 'default'}
      onClick={() => {
        onToggle(!on);
        announce(on ? offText : onText);
      }}
    >
      {label}
    </Button>
  );
}
