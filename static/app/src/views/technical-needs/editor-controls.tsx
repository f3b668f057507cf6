import { LIMITS } from '@shared/limits';
import { Button } from '../../components/button';
import { useEditorTexts } from './editor-text';
import type { InitiativeNeeds, Need } from './view-model';
import type { NeedEditing } from './initiative-needs';

/*
 * The editors' buttons of the technical-needs view. Only someone in edit mode sees them, so they are a
 * chunk of their own (issue 7: readers, most of the public, never download them); editor-text.ts loads
 * it with the editing texts, so the buttons are in by the time the edit switch appears.
 */

/** Above an initiative's needs: add a need, change many, history. */
export function InitiativeEditBar({ entry, editing }: { entry: InitiativeNeeds; editing: NeedEditing }) {
  const te = useEditorTexts();
  const id = entry.initiative.id;
  const name = entry.initiative.name;
  const full = entry.needs.length >= LIMITS.needsPerInitiative;
  return (
    <div className="tn-actions io-no-print">
      <Button aria-label={te('addNeedFor', { initiative: name })} disabled={full} onClick={() => editing.open({ kind: 'need', initiativeId: id, needId: null })}>
        {te('addNeed')}
      </Button>
      {entry.needs.length > 0 ? (
        <Button aria-label={te('bulkNamed', { initiative: name })} onClick={() => editing.open({ kind: 'bulk', initiativeId: id })}>
          {te('bulk')}
        </Button>
      ) : null}
      <Button aria-label={te('historyNamed', { initiative: name })} onClick={() => editing.open({ kind: 'history', initiativeId: id, needId: null })}>
        {te('history')}
      </Button>
      {full ? <span className="io-muted">{te('needLimit', { max: LIMITS.needsPerInitiative })}</span> : null}
    </div>
  );
}

/** A need's row: move, edit, history, remove. */
export function NeedActions({ entry, need, first, last, editing }: { entry: InitiativeNeeds; need: Need; first: boolean; last: boolean; editing: NeedEditing }) {
  const te = useEditorTexts();
  const id = entry.initiative.id;
  const busy = editing.moving !== null;
  return (
    <div className="tn-row-actions__buttons">
      <Button id={`tn-move-${need.id}-up`} appearance="subtle" disabled={first || busy} aria-label={te('moveUpNamed', { need: need.title })} onClick={() => editing.move(id, need.id, -1)}>
        {te('moveUp')}
      </Button>
      <Button id={`tn-move-${need.id}-down`} appearance="subtle" disabled={last || busy} aria-label={te('moveDownNamed', { need: need.title })} onClick={() => editing.move(id, need.id, 1)}>
        {te('moveDown')}
      </Button>
      <Button appearance="subtle" aria-label={te('editNeedNamed', { need: need.title })} onClick={() => editing.open({ kind: 'need', initiativeId: id, needId: need.id })}>
        {te('editNeed')}
      </Button>
      <Button appearance="subtle" aria-label={te('historyNeedTitle', { need: need.title })} onClick={() => editing.open({ kind: 'history', initiativeId: id, needId: need.id })}>
        {te('history')}
      </Button>
      <Button appearance="subtle" aria-label={te('removeNeedNamed', { need: need.title })} onClick={() => editing.open({ kind: 'remove', initiativeId: id, needId: need.id })}>
        {te('removeNeed')}
      </Button>
    </div>
  );
}
