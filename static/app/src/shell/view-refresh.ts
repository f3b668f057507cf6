/**
 * When another macro on the page saved (docs/decisions/0019): read the view again, at most one read at a
 * time and one per revision. Announcements of the revision already on screen are ignored; announcements
 * that arrive while a read is on its way are folded into one more read after it, and none at all if that
 * read already brought the newest revision. Pure: the shell passes its getView.
 */

/** Reads the view; answers the revision it now shows, or null when the read failed. */
export type ReadView = () => Promise<string | null>;

export class ViewRefresher {
  private shown: string | null = null;
  private running = false;
  /** The newest revision announced while a read was running, to read again for after it. */
  private wanted: string | null = null;

  /** The revision now on screen (after the first load, and after this macro's own reloads). */
  showing(revision: string | null): void {
    this.shown = revision;
  }

  /**
   * Another macro saved and the data now has `revision`. Resolves when the read(s) it caused are done: true
   * when they brought a revision other than the one shown before, false when nothing was read (already
   * shown, or folded into the read on its way, which reports it) or nothing new came.
   */
  async changed(revision: string, read: ReadView): Promise<boolean> {
    if (revision === this.shown) return false;
    if (this.running) {
      this.wanted = revision;
      return false;
    }
    const before = this.shown;
    this.running = true;
    try {
      let next: string | null = revision;
      while (next !== null) {
        this.wanted = null;
        const got = await read();
        if (got !== null) this.shown = got;
        // Read once more only for a revision announced meanwhile that the read did not already bring.
        next = this.wanted !== null && this.wanted !== this.shown ? this.wanted : null;
        // A failed read is not retried in a loop: the shell shows its error and offers "Try again".
        if (got === null) next = null;
      }
    } finally {
      this.running = false;
      this.wanted = null;
    }
    return this.shown !== before;
  }
}
