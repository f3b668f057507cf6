import { view } from '../bridge';
import { useEffect, useState, type FormEvent } from 'react';
import type { ProgrammeListItem, ViewResponse } from '@shared/contract';
import type { AppError } from '@shared/errors';
import type { Participant } from '@shared/model';
import { SWEDISH_REGIONS } from '@shared/regions';
import { MACRO_TITLES, type MacroKey } from '@shared/vocabulary';
import { invoke } from '../api';
import { Button } from '../components/button';
import { ErrorMessage } from '../components/error-message';
import { CheckboxField, SelectField, TextField } from '../components/field';
import { ROADMAP_RANGE } from '@shared/limits';
import { SectionMessage } from '../components/section-message';
import { Spinner } from '../components/spinner';
import { useI18n, useMessages } from '../i18n';
import type { FullContext } from '../view-props';
import { DEFAULT_CONFIG, configFromForm, formFromConfig, initiativesOf, validateConfigForm, type ConfigForm } from './config-model';
import { configMessages } from './messages';
import { RadioGroup } from './radio-group';

const RANGE_ERROR = { year: 'rangeYear', order: 'rangeOrder', span: 'rangeSpan' } as const;

interface Loaded {
  programmes: ProgrammeListItem[] | null;
  programmesError: AppError | null;
  view: ViewResponse | null;
}

/** The macro's settings, shown by Confluence in its config dialog: which programme, perspective and layout. */
export default function ConfigDialog({ macro, context }: { macro: MacroKey; context: FullContext }) {
  const { t, label, locale } = useI18n();
  const tc = useMessages(configMessages);
  const [form, setForm] = useState<ConfigForm>(() => formFromConfig(DEFAULT_CONFIG));
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);

  useEffect(() => {
    let live = true;
    // The saved config's view gives the participants and initiatives to pick from.
    void Promise.all([invoke('listProgrammes', {}), invoke('getView', { locale })]).then(([programmes, viewResult]) => {
      if (!live) return;
      // getView answers with the saved config already validated by the shared schema, so the dialog
      // starts from exactly what the macro shows (and the UI does not ship the schema library).
      if (viewResult.ok) setForm(formFromConfig(viewResult.data.config));
      setLoaded({
        programmes: programmes.ok ? programmes.data : null,
        programmesError: programmes.ok ? null : programmes.error,
        view: viewResult.ok ? viewResult.data : null,
      });
    });
    return () => {
      live = false;
    };
  }, [locale]);

  const spaceKey: string | undefined = context.extension?.space?.key;
  const ownProgramme = loaded?.programmes?.find((p) => p.spaceKey === spaceKey);
  const chosenId = form.programmeId || ownProgramme?.id || '';
  const ready = loaded?.view?.state === 'ready' ? loaded.view : null;
  // Participants and initiatives are known only for the programme whose view we loaded.
  const sameProgramme = !!ready && ready.programme.id === chosenId;
  const participants: ReadonlyArray<Participant> = sameProgramme ? ready.programme.participants : SWEDISH_REGIONS;
  const initiatives = sameProgramme ? initiativesOf(ready.view) : null;

  const errors = submitted ? validateConfigForm(form) : {};
  const set = <K extends keyof ConfigForm>(key: K, value: ConfigForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    const problems = validateConfigForm(form);
    const first = problems.regionCode ? 'config-region' : problems.initiativeId ? 'config-initiative' : problems.rangeFromYear ? 'config-range-from' : problems.rangeToYear ? 'config-range-to' : null;
    if (first) {
      document.getElementById(first)?.focus();
      return;
    }
    setSaving(true);
    setSaveFailed(false);
    try {
      await view.submit({ config: configFromForm(form) });
    } catch {
      setSaving(false);
      setSaveFailed(true);
    }
  };

  const cancel = () => {
    void view.close().catch(() => undefined);
  };

  if (!loaded) return <Spinner label={t('loading')} />;

  const programmeOptions = [
    { value: '', label: tc('programmeOwnSpace') },
    ...(loaded.programmes ?? [])
      .filter((p) => p.spaceKey !== spaceKey)
      .map((p) => ({
        value: p.id,
        label: tc(p.published ? 'programmeOption' : 'programmeUnpublished', { name: p.name, space: p.spaceKey }) + (p.isExample && !saysExample(p.name) ? tc('exampleSuffix') : ''),
      })),
  ];
  // A programme saved earlier but no longer listed stays selectable, so opening the dialog changes nothing.
  if (form.programmeId && !programmeOptions.some((o) => o.value === form.programmeId)) {
    programmeOptions.push({ value: form.programmeId, label: form.programmeId });
  }

  return (
    <form className="io-config io-form" noValidate onSubmit={save} aria-busy={saving || undefined}>
      <h2>{tc('title', { macro: label(MACRO_TITLES, macro) })}</h2>
      <p className="io-muted">{tc('intro')}</p>

      {loaded.programmesError ? <ErrorMessage error={loaded.programmesError} /> : null}

      <SelectField
        id="config-programme"
        label={tc('programme')}
        help={tc('programmeHelp')}
        options={programmeOptions}
        value={form.programmeId}
        onChange={(e) => set('programmeId', e.target.value)}
      />

      <RadioGroup
        legend={tc('perspective')}
        name="perspective"
        value={form.perspective}
        onChange={(v) => set('perspective', v)}
        options={[
          { value: 'programme', label: tc('perspectiveProgramme') },
          { value: 'region', label: tc('perspectiveRegion') },
          { value: 'initiative', label: tc('perspectiveInitiative') },
        ]}
      />

      {form.perspective === 'region' ? (
        <SelectField
          id="config-region"
          label={tc('region')}
          required
          error={errors.regionCode ? tc('regionRequired') : undefined}
          options={[{ value: '', label: tc('chooseOne') }, ...participants.map((p) => ({ value: p.code, label: p.name }))]}
          value={form.regionCode}
          onChange={(e) => set('regionCode', e.target.value)}
        />
      ) : null}

      {form.perspective === 'initiative' ? (
        initiatives ? (
          initiatives.length > 0 ? (
            <SelectField
              id="config-initiative"
              label={tc('initiative')}
              required
              error={errors.initiativeId ? tc('initiativeRequired') : undefined}
              options={[
                { value: '', label: tc('chooseOne') },
                ...initiatives.map((i) => ({ value: i.id, label: i.archived ? `${i.name} (${t('archived')})` : i.name })),
              ]}
              value={form.initiativeId}
              onChange={(e) => set('initiativeId', e.target.value)}
            />
          ) : (
            <SectionMessage appearance="information">
              <p>{tc('noInitiatives')}</p>
            </SectionMessage>
          )
        ) : (
          <SectionMessage appearance="information">
            <p>{tc('initiativeUnavailable')}</p>
          </SectionMessage>
        )
      ) : null}

      {macro === 'rollout-status' ? (
        <RadioGroup
          legend={tc('layout')}
          name="layout"
          value={form.layout}
          onChange={(v) => set('layout', v)}
          options={[
            { value: 'initiatives-as-rows', label: tc('layoutInitiatives') },
            { value: 'regions-as-rows', label: tc('layoutRegions') },
          ]}
        />
      ) : null}

      {macro === 'roadmap' ? (
        <fieldset className="io-fieldset">
          <legend>{tc('range')}</legend>
          <p className="io-muted">{tc('rangeHelp', { years: ROADMAP_RANGE.maxYears })}</p>
          <TextField
            id="config-range-from"
            label={tc('rangeFrom')}
            inputMode="numeric"
            autoComplete="off"
            placeholder={String(new Date().getUTCFullYear() - 1)}
            error={errors.rangeFromYear ? tc('rangeYear', { min: ROADMAP_RANGE.minYear, max: ROADMAP_RANGE.maxYear }) : undefined}
            value={form.rangeFromYear}
            onChange={(e) => set('rangeFromYear', e.target.value)}
          />
          <TextField
            id="config-range-to"
            label={tc('rangeTo')}
            inputMode="numeric"
            autoComplete="off"
            placeholder={String(new Date().getUTCFullYear() + 2)}
            error={errors.rangeToYear ? tc(RANGE_ERROR[errors.rangeToYear], { min: ROADMAP_RANGE.minYear, max: ROADMAP_RANGE.maxYear, years: ROADMAP_RANGE.maxYears }) : undefined}
            value={form.rangeToYear}
            onChange={(e) => set('rangeToYear', e.target.value)}
          />
        </fieldset>
      ) : null}

      <CheckboxField
        label={tc('showArchived')}
        help={tc('showArchivedHelp')}
        checked={form.showArchived}
        onChange={(e) => set('showArchived', e.target.checked)}
      />

      {saveFailed ? (
        <SectionMessage appearance="error" role="alert" title={tc('saveFailed')} />
      ) : null}

      <div className="io-button-row">
        <Button appearance="subtle" onClick={cancel} disabled={saving}>
          {t('cancel')}
        </Button>
        <Button type="submit" appearance="primary" isLoading={saving}>
          {saving ? tc('saving') : t('save')}
        </Button>
      </div>
    </form>
  );
}

/** Whether a programme's own name already says it is example data (as the demo programme's does). */
function saysExample(name: string): boolean {
  return /exempeldata|example data/i.test(name);
}
