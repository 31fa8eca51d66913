// Designing one template: its name, the report's title and numbering, the tree of sections and
// each section's settings; a preview with the live data; save with the version (a stale save
// keeps the draft and shows the other version); download as a file.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, SelectField, TextField } from '../../kit/forms.tsx';
import { Notice } from '../../kit/messages.tsx';
import { type FormErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { ApiError } from '../../api.ts';
import { templateFileOf, templatesApi } from '../../clients/templates.ts';
import type { Figure } from '../../../contract/figures.ts';
import type { ReportIdentity, SectionNumbering, Template } from '../../../contract/templates.ts';
import { SectionForm, type UnitOption, fieldId } from './SectionForm.tsx';
import { SeriesNumberField } from './SeriesNumber.tsx';
import { SectionTree, type TreeAction } from './SectionTree.tsx';
import { TemplatePreviewPanel } from './TemplatePreview.tsx';
import {
  type EditorSection,
  allKeys,
  flatTitles,
  fromEditor,
  indent,
  keyFromTitle,
  locateField,
  moveBefore,
  moveWithin,
  newSection,
  outdent,
  pathOf,
  removeAt,
  sectionAt,
  siblingsOf,
  toEditor,
  uniqueKey,
  updateAt,
} from './tree.ts';
import { sectionNumberings } from './values.ts';

/** What the editor compares to tell unsaved changes, and what "undo" returns to. */
function snapshotOf(name: string, identity: ReportIdentity, sections: EditorSection[]): string {
  return JSON.stringify({ name, identity, sections: fromEditor(sections) });
}

export function TemplateEditor({
  eventId,
  template,
  figures,
  units,
  onSaved,
}: {
  eventId: number;
  template: Template;
  figures: Figure[];
  units: UnitOption[];
  onSaved: (saved: Template) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(template.name);
  const [identity, setIdentity] = useState<ReportIdentity>(template.identity);
  const [sections, setSections] = useState(() => toEditor(template.sections));
  const [original, setOriginal] = useState(() =>
    snapshotOf(template.name, template.identity, toEditor(template.sections)),
  );
  const [version, setVersion] = useState(template.version);
  const [selected, setSelected] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Template | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [invalid, setInvalid] = useState<Set<string>>(new Set());
  const [announcement, setAnnouncement] = useState('');
  const focusNext = useRef<string | null>(null);
  const setFocus = (id: string) => {
    focusNext.current = id;
  };
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const plain = fromEditor(sections);
  const dirty = snapshotOf(name, identity, sections) !== original;

  // After the render that moved a section: its button again, or its settings button if that one
  // is now disabled (moved to the top, say).
  useEffect(() => {
    const focus = focusNext.current;
    if (!focus) return;
    focusNext.current = null;
    const wanted = document.getElementById(focus) as HTMLButtonElement | null;
    const fallback = document.getElementById(`edit-${focus.split('-').at(-1)}`);
    (wanted && !wanted.disabled ? wanted : fallback)?.focus();
  });

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  function change(next: EditorSection[]) {
    setSections(next);
    setSaved('');
  }

  function announceMove(next: EditorSection[], uid: string) {
    const path = pathOf(next, uid)!;
    setAnnouncement(
      t('templates.moved', {
        title: sectionAt(next, path)!.title,
        position: path.at(-1)! + 1,
        count: siblingsOf(next, path).length,
        level: path.length,
      }),
    );
  }

  function act(uid: string, action: TreeAction) {
    const path = pathOf(sections, uid)!;
    const section = sectionAt(sections, path)!;
    if (action === 'remove') {
      const next = removeAt(sections, path);
      change(next);
      if (selected === uid) setSelected(null);
      setAnnouncement(t('templates.removed', { title: section.title }));
      const neighbour =
        siblingsOf(sections, path)[path.at(-1)! + 1] ??
        siblingsOf(sections, path)[path.at(-1)! - 1];
      setFocus(neighbour ? `edit-${neighbour.uid}` : 'add-section');
      return;
    }
    const next =
      action === 'up'
        ? moveWithin(sections, path, -1)
        : action === 'down'
          ? moveWithin(sections, path, 1)
          : action === 'indent'
            ? indent(sections, path)
            : outdent(sections, path);
    change(next);
    announceMove(next, uid);
    setFocus(`${action}-${uid}`);
  }

  function retitle(uid: string, title: string) {
    const path = pathOf(sections, uid)!;
    const section = sectionAt(sections, path)!;
    const others = allKeys(sections).filter((key) => key !== section.key);
    const followsTitle = section.key === uniqueKey(keyFromTitle(section.title), others);
    change(
      updateAt(sections, path, (current) => ({
        ...current,
        title,
        ...(followsTitle && { key: uniqueKey(keyFromTitle(title), others) }),
      })),
    );
  }

  function addSection() {
    const section = newSection(t('templates.newSection'), allKeys(sections));
    change([...sections, section]);
    setSelected(section.uid);
    setAnnouncement(t('templates.addedAnnouncement', { title: section.title }));
    setFocus(`title-${section.uid}`);
  }

  function showErrors(error: unknown) {
    const fields: Record<string, string> = { name: 'template-name' };
    const located = new Set<string>();
    if (error instanceof ApiError) {
      for (const { field } of error.fields) {
        if (field.startsWith('identity.')) fields[field] = `identity-${field.split('.').at(-1)}`;
        const place = locateField(sections, field);
        if (!place) continue;
        located.add(place.uid);
        fields[field] = fieldId(place.uid, place.field || 'title');
      }
    }
    setErrors(formErrorsFrom(error, fields, 'template-sections'));
    setInvalid(located);
    const first = [...located][0];
    if (first) setSelected(first);
  }

  async function save(useVersion = version) {
    setBusy(true);
    try {
      const answer = await templatesApi.save(eventId, template.id, {
        version: useVersion,
        name,
        identity,
        sections: plain,
      });
      setConflict(null);
      setErrors(noErrors);
      setInvalid(new Set());
      setVersion(answer.version);
      setOriginal(snapshotOf(name, identity, sections));
      setSaved(t('templates.saved', { version: answer.version }));
      onSaved(answer);
    } catch (error) {
      if (error instanceof ApiError && error.stale) setConflict(error.current<Template>()!);
      else showErrors(error);
    } finally {
      setBusy(false);
    }
  }

  function download() {
    const file = templateFileOf({ name, identity, sections: plain });
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `${keyFromTitle(name)}.lagesbild-mall.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  const chosenPath = selected ? pathOf(sections, selected) : null;
  const chosen = chosenPath ? sectionAt(sections, chosenPath) : undefined;
  const setNumbering = (numbering: SectionNumbering) => {
    const { sectionNumbering: _previous, ...rest } = identity;
    setIdentity(numbering === 'none' ? rest : { ...rest, sectionNumbering: numbering });
  };
  const setLabel = (label: keyof ReportIdentity['labels'], value: string) =>
    setIdentity({ ...identity, labels: { ...identity.labels, [label]: value } });

  return (
    <section className="panel template-editor" aria-labelledby="template-editor-title">
      <h2 id="template-editor-title" className="panel__title">
        {t('templates.editTitle', { name: template.name })}
      </h2>
      <p className="small muted">
        {t('templates.versionNote', { version })}
        {dirty && <strong className="unsaved"> · {t('templates.unsaved')}</strong>}
      </p>
      <ErrorSummary errors={errors.summary} />
      {conflict && (
        <div className="conflict" role="alert" tabIndex={-1} ref={conflictRef}>
          <h3>{t('picture.conflict.title')}</h3>
          <p>{t('templates.conflictText', { version: conflict.version })}</p>
          <div className="conflict__columns">
            {(
              [
                ['picture.conflict.theirs', conflict.sections],
                ['picture.conflict.yours', plain],
              ] as const
            ).map(([label, list]) => (
              <div key={label}>
                <h4>{t(label)}</h4>
                <ol className="small">
                  {flatTitles(list).map((title, index) => (
                    <li key={index} className="pre-line">
                      {title}
                    </li>
                  ))}
                </ol>
              </div>
            ))}
          </div>
          <div className="button-group">
            <button
              type="button"
              className="button"
              onClick={() => {
                setVersion(conflict.version);
                void save(conflict.version);
              }}
            >
              {t('picture.conflict.keepMine')}
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setName(conflict.name);
                setIdentity(conflict.identity);
                setSections(toEditor(conflict.sections));
                setVersion(conflict.version);
                setOriginal(
                  snapshotOf(conflict.name, conflict.identity, toEditor(conflict.sections)),
                );
                setConflict(null);
              }}
            >
              {t('picture.conflict.takeTheirs')}
            </button>
          </div>
        </div>
      )}
      <TextField
        id="template-name"
        label={t('templates.name')}
        error={errors.byField['template-name']}
        width="half"
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('templates.identity.title')}</legend>
        <TextField
          id="identity-titlePattern"
          label={t('templates.identity.titlePattern')}
          hint={t('templates.identity.titlePatternHint')}
          error={errors.byField['identity-titlePattern']}
          value={identity.titlePattern}
          onChange={(event) => setIdentity({ ...identity, titlePattern: event.target.value })}
        />
        <TextField
          id="identity-series"
          label={t('templates.identity.series')}
          hint={t('templates.identity.seriesHint')}
          error={errors.byField['identity-series']}
          width="quarter"
          value={identity.series}
          onChange={(event) => setIdentity({ ...identity, series: event.target.value })}
        />
        <SelectField
          id="identity-sectionNumbering"
          label={t('templates.identity.sectionNumbering')}
          error={errors.byField['identity-sectionNumbering']}
          value={identity.sectionNumbering ?? 'none'}
          options={sectionNumberings.map((numbering) => ({
            value: numbering,
            label: t(`templates.identity.numberings.${numbering}`),
          }))}
          onChange={(numbering) => setNumbering(numbering as SectionNumbering)}
        />
        <div className="identity-labels">
          {(['initial', 'update', 'final', 'extra'] as const).map((label) => (
            <TextField
              key={label}
              id={`identity-${label}`}
              label={t(`templates.identity.${label}`)}
              {...(label === 'update' && { hint: t('templates.identity.updateHint') })}
              error={errors.byField[`identity-${label}`]}
              value={identity.labels[label]}
              onChange={(event) => setLabel(label, event.target.value)}
            />
          ))}
        </div>
        <SeriesNumberField eventId={eventId} series={template.identity.series} />
      </fieldset>
      <h3 id="template-sections" tabIndex={-1}>
        {t('templates.sectionsTitle')}
      </h3>
      <p className="hint">{t('templates.orderHint')}</p>
      <SectionTree
        sections={sections}
        selected={selected}
        invalid={invalid}
        onAction={act}
        onTitle={retitle}
        onSelect={(uid) => {
          setSelected(uid);
          setFocus(`${uid}-title`);
        }}
        onDrop={(dragged, target) => {
          const next = moveBefore(sections, dragged, target);
          if (next === sections) return;
          change(next);
          announceMove(next, dragged);
        }}
      />
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="button-group">
        <button
          type="button"
          id="add-section"
          className="button button--secondary"
          onClick={addSection}
        >
          {t('templates.add')}
        </button>
      </div>
      {chosen && (
        <SectionForm
          key={chosen.uid}
          section={chosen}
          figures={figures}
          units={units}
          errors={errors.byField}
          onTitle={(title) => retitle(chosen.uid, title)}
          onChange={(section) => change(updateAt(sections, chosenPath!, () => section))}
        />
      )}
      <div role="status" aria-live="polite">
        {saved && <Notice kind="success">{saved}</Notice>}
      </div>
      <div className="button-group">
        <button type="button" className="button" disabled={busy} onClick={() => void save()}>
          {t('templates.save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={!dirty}
          onClick={() => {
            const last = JSON.parse(original) as Pick<Template, 'name' | 'identity' | 'sections'>;
            setName(last.name);
            setIdentity(last.identity);
            setSections(toEditor(last.sections));
            setSelected(null);
            setSaved('');
          }}
        >
          {t('templates.undo')}
        </button>
        <button type="button" className="button button--secondary" onClick={download}>
          {t('templates.export')}
        </button>
      </div>
      <TemplatePreviewPanel eventId={eventId} sections={plain} onError={showErrors} />
    </section>
  );
}
