import { useState, type FormEvent } from 'react';
import type { ProgrammeAdminItem } from '@shared/contract';
import type { AppError } from '@shared/errors';
import type { Participant } from '@shared/model';
import { updateParticipantSchema, type UpdateParticipantInput } from '@shared/schemas';
import { LIMITS } from '@shared/limits';
import { invoke } from '../api';
import { Button } from '../components/button';
import { ErrorMessage } from '../components/error-message';
import { SelectField, TextField } from '../components/field';
import { useAnnounce } from '../components/live-region';
import { announceSaved } from '../editing/use-patch-save';
import { useI18n, useMessages } from '../i18n';
import { adminMessages } from './messages';

type Errors = Partial<Record<'code' | 'name' | 'short', string>>;

/**
 * A space administrator's participants (decision 0022): add one, rename or retire one, reinstate a retired
 * one. Every change is one call, checked by the server's schema here first; nothing is ever deleted.
 */
export function ParticipantsForm({ programme, onSaved }: { programme: ProgrammeAdminItem; onSaved(): Promise<void> }) {
  const { t } = useI18n();
  const m = useMessages(adminMessages);
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const send = async (input: UpdateParticipantInput, saved: (name: string) => string): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const result = await invoke('updateParticipant', input);
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return false;
    }
    announceSaved(result.data);
    announce(saved('name' in input ? input.name : (programme.retiredParticipants.concat(programme.participants).find((p) => p.code === input.code)?.name ?? input.code)));
    await onSaved();
    return true;
  };

  /** The schema's issues as the form's field errors; true when the input is valid. */
  const check = (input: unknown, setErrors: (e: Errors) => void): input is UpdateParticipantInput => {
    const parsed = updateParticipantSchema.safeParse(input);
    if (parsed.success) {
      setErrors({});
      return true;
    }
    const errors: Errors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (field === 'code') errors.code = m('codeInvalid');
      if (field === 'name') errors.name = t('nameRequired');
      if (field === 'short') errors.short = m('shortRequired');
    }
    setErrors(errors);
    return false;
  };

  return (
    <div className="io-admin-participants">
      <AddParticipant busy={busy} check={check} onAdd={(input) => send(input, (name) => m('added', { name }))} programmeId={programme.id} />
      <EditParticipant
        busy={busy}
        check={check}
        participants={programme.participants}
        programmeId={programme.id}
        onRename={(input) => send(input, (name) => m('renamed', { name }))}
        onRetire={(input) => send(input, (name) => m('retired', { name }))}
      />
      {error ? <ErrorMessage error={error} alert /> : null}
      {programme.retiredParticipants.length > 0 ? (
        <section aria-labelledby={`retired-${programme.id}`}>
          <h4 id={`retired-${programme.id}`}>{m('retiredHeading')}</h4>
          <p>{m('retiredIntro')}</p>
          <ul className="io-list">
            {programme.retiredParticipants.map((p) => (
              <li key={p.code}>
                <Button disabled={busy} onClick={() => void send({ programmeId: programme.id, action: 'reinstate', code: p.code }, (name) => m('reinstated', { name }))}>
                  {m('reinstate', { name: p.name })}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

interface PartProps {
  busy: boolean;
  programmeId: string;
  check(input: unknown, setErrors: (e: Errors) => void): input is UpdateParticipantInput;
}

function AddParticipant({ busy, programmeId, check, onAdd }: PartProps & { onAdd(input: UpdateParticipantInput): Promise<boolean> }) {
  const m = useMessages(adminMessages);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [short, setShort] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { programmeId, action: 'add', code: code.trim(), name: name.trim(), short: short.trim() };
    if (!check(input, setErrors)) return;
    if (await onAdd(input)) {
      setCode('');
      setName('');
      setShort('');
    }
  };
  return (
    <form className="io-form" noValidate onSubmit={submit} aria-labelledby={`add-${programmeId}`}>
      <h4 id={`add-${programmeId}`}>{m('addHeading')}</h4>
      <TextField label={m('code')} help={m('codeHelp')} error={errors.code} required value={code} maxLength={16} autoComplete="off" onChange={(e) => setCode(e.target.value)} />
      <TextField label={m('participantName')} error={errors.name} required value={name} maxLength={LIMITS.customParticipantName} autoComplete="off" onChange={(e) => setName(e.target.value)} />
      <TextField label={m('participantShort')} help={m('participantShortHelp')} error={errors.short} required value={short} maxLength={40} autoComplete="off" onChange={(e) => setShort(e.target.value)} />
      <div className="io-button-row io-button-row--start">
        <Button type="submit" isLoading={busy}>
          {m('add')}
        </Button>
      </div>
    </form>
  );
}

function EditParticipant({
  busy,
  programmeId,
  participants,
  check,
  onRename,
  onRetire,
}: PartProps & { participants: Participant[]; onRename(input: UpdateParticipantInput): Promise<boolean>; onRetire(input: UpdateParticipantInput): Promise<boolean> }) {
  const m = useMessages(adminMessages);
  const [code, setCode] = useState(participants[0]?.code ?? '');
  const chosen = participants.find((p) => p.code === code) ?? participants[0];
  const [name, setName] = useState(chosen?.name ?? '');
  const [short, setShort] = useState(chosen?.short ?? '');
  const [errors, setErrors] = useState<Errors>({});
  if (!chosen) return null;

  const choose = (next: string) => {
    const p = participants.find((q) => q.code === next);
    setCode(next);
    setName(p?.name ?? '');
    setShort(p?.short ?? '');
    setErrors({});
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = { programmeId, action: 'rename', code: chosen.code, name: name.trim(), short: short.trim(), expected: { name: chosen.name, short: chosen.short } };
    if (check(input, setErrors)) await onRename(input);
  };
  return (
    <form className="io-form" noValidate onSubmit={submit} aria-labelledby={`edit-${programmeId}`}>
      <h4 id={`edit-${programmeId}`}>{m('editHeading')}</h4>
      <SelectField label={m('participant')} value={chosen.code} options={participants.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))} onChange={(e) => choose(e.target.value)} />
      <TextField label={m('participantName')} error={errors.name} required value={name} maxLength={LIMITS.customParticipantName} autoComplete="off" onChange={(e) => setName(e.target.value)} />
      <TextField label={m('participantShort')} error={errors.short} required value={short} maxLength={40} autoComplete="off" onChange={(e) => setShort(e.target.value)} />
      <div className="io-button-row io-button-row--start">
        <Button type="submit" isLoading={busy}>
          {m('rename')}
        </Button>
        <Button appearance="danger" disabled={busy} onClick={() => void onRetire({ programmeId, action: 'retire', code: chosen.code })}>
          {m('retire')}
        </Button>
      </div>
    </form>
  );
}
