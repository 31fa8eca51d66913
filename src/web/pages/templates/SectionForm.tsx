// One section's settings: title, key, kind, text and the parameters of its data block.
import { useTranslation } from 'react-i18next';
import { Checkbox, FieldError, SelectField, TextArea, TextField } from '../../kit/forms.tsx';
import type { FigureChoice, KeyFigureBlock, ListBlock } from '../../../contract/block-params.ts';
import type { IncludableKind, TemplateSectionKind } from '../../../contract/template-sections.ts';
import type { Figure } from '../../../contract/figures.ts';
import type { EditorSection } from './tree.ts';
import { FigureBands } from './FigureBands.tsx';
import {
  columnsOf,
  comparisons,
  defaultFigureBlock,
  defaultFigureChoice,
  defaultListBlock,
  figureLayouts,
  includableKinds,
  isListKind,
  sectionKinds,
  valueRules,
} from './values.ts';

export interface UnitOption {
  id: number;
  name: string;
  depth: number;
}

/** The id of a section's field, as the server's field path names it (figures.layout). */
export const fieldId = (uid: string, field: string) => `${uid}-${field.replaceAll('.', '-')}`;

export function SectionForm({
  section,
  figures,
  units,
  errors,
  onChange,
  onTitle,
}: {
  section: EditorSection;
  figures: Figure[];
  units: UnitOption[];
  errors: Record<string, string>;
  onChange: (section: EditorSection) => void;
  onTitle: (title: string) => void;
}) {
  const { t } = useTranslation();
  const id = (field: string) => fieldId(section.uid, field);
  const set = (change: Partial<EditorSection>) => onChange({ ...section, ...change });
  const showsFigures =
    section.kind === 'key_figures' ||
    (section.kind === 'text' && section.includes.includes('key_figures'));
  const listKind = isListKind(section.kind) ? section.kind : null;

  function setKind(kind: TemplateSectionKind) {
    const next: EditorSection = { ...section, kind };
    if (kind !== 'text') {
      next.includes = [];
      delete next.lead;
    }
    if (kind === 'key_figures') next.figures = section.figures ?? defaultFigureBlock;
    else if (kind !== 'text') delete next.figures;
    if (isListKind(kind)) next.list = section.list ?? defaultListBlock;
    else delete next.list;
    onChange(next);
  }

  function setIncluded(kind: IncludableKind, on: boolean) {
    const includes = on
      ? [...section.includes, kind]
      : section.includes.filter((item) => item !== kind);
    const next: EditorSection = { ...section, includes };
    if (includes.includes('key_figures')) next.figures = section.figures ?? defaultFigureBlock;
    else delete next.figures;
    onChange(next);
  }

  return (
    <section className="panel template-section-form" aria-labelledby={id('form-title')}>
      <h3 id={id('form-title')} className="panel__title">
        {t('templates.section.title', { title: section.title })}
      </h3>
      <TextField
        id={id('title')}
        label={t('templates.section.heading')}
        hint={t('templates.section.headingHint')}
        error={errors[id('title')]}
        value={section.title}
        onChange={(event) => onTitle(event.target.value)}
      />
      <TextField
        id={id('key')}
        label={t('templates.section.key')}
        hint={t('templates.section.keyHint')}
        error={errors[id('key')]}
        width="half"
        value={section.key}
        onChange={(event) => set({ key: event.target.value })}
      />
      <SelectField
        id={id('kind')}
        label={t('templates.section.kind')}
        error={errors[id('kind')]}
        value={section.kind}
        options={sectionKinds.map((kind) => ({
          value: kind,
          label: t(`admin.templates.kinds.${kind}`),
        }))}
        onChange={(kind) => setKind(kind as TemplateSectionKind)}
      />
      <Checkbox
        id={id('internal')}
        label={t('templates.section.internal')}
        checked={section.internal}
        onChange={(internal) => set({ internal })}
      />
      {(section.kind === 'text' || section.kind === 'about' || section.kind === 'links') && (
        <TextArea
          id={id('text')}
          label={t(
            section.kind === 'about' ? 'templates.section.aboutText' : 'templates.section.text',
          )}
          hint={t(
            section.kind === 'about' ? 'templates.section.aboutHint' : 'templates.section.textHint',
          )}
          error={errors[id('text')]}
          rows={4}
          value={section.text}
          onChange={(event) => set({ text: event.target.value })}
        />
      )}
      {section.kind === 'text' && (
        <>
          <Checkbox
            id={id('lead')}
            label={t('templates.section.lead')}
            checked={section.lead === true}
            onChange={(lead) => {
              const next = { ...section };
              if (lead) next.lead = true;
              else delete next.lead;
              onChange(next);
            }}
          />
          <fieldset className="fieldset">
            <legend className="fieldset__legend">{t('templates.section.includes')}</legend>
            <FieldError id={id('includes')} message={errors[id('includes')]} />
            <div className="checkbox-columns">
              {includableKinds.map((kind) => (
                <Checkbox
                  key={kind}
                  id={id(`includes.${kind}`)}
                  label={t(`admin.templates.kinds.${kind}`)}
                  checked={section.includes.includes(kind)}
                  onChange={(on) => setIncluded(kind, on)}
                />
              ))}
            </div>
          </fieldset>
        </>
      )}
      {showsFigures && (
        <FigureBlockForm
          uid={section.uid}
          block={section.figures ?? defaultFigureBlock}
          figures={figures}
          units={units}
          errors={errors}
          onChange={(block) => set({ figures: block })}
        />
      )}
      {listKind && (
        <ListBlockForm
          uid={section.uid}
          kind={listKind}
          block={section.list ?? defaultListBlock}
          errors={errors}
          onChange={(block) => set({ list: block })}
        />
      )}
    </section>
  );
}

function FigureBlockForm({
  uid,
  block,
  figures,
  units,
  errors,
  onChange,
}: {
  uid: string;
  block: KeyFigureBlock;
  figures: Figure[];
  units: UnitOption[];
  errors: Record<string, string>;
  onChange: (block: KeyFigureBlock) => void;
}) {
  const { t } = useTranslation();
  const id = (field: string) => fieldId(uid, `figures.${field}`);
  const set = (change: Partial<KeyFigureBlock>) => onChange({ ...block, ...change });
  const chosen = (key: string) => block.figures.findIndex((choice) => choice.key === key);
  const nameOf = (key: string) => figures.find((figure) => figure.key === key)?.name ?? key;

  function toggleFigure(key: string, on: boolean) {
    set({
      figures: on
        ? [...block.figures, defaultFigureChoice(key)]
        : block.figures.filter((choice) => choice.key !== key),
    });
  }

  function setChoice(index: number, change: Partial<FigureChoice>) {
    const next = { ...block.figures[index]!, ...change };
    for (const [field, value] of Object.entries(change)) {
      if (value === undefined || value === '') delete next[field as keyof FigureChoice];
    }
    set({ figures: block.figures.map((choice, at) => (at === index ? next : choice)) });
  }

  return (
    <fieldset className="fieldset figure-block-form">
      <legend className="fieldset__legend">{t('templates.figures.title')}</legend>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('templates.figures.choose')}</legend>
        <p className="hint">{t('templates.figures.chooseHint')}</p>
        <FieldError id={id('figures')} message={errors[id('figures')]} />
        {figures.length === 0 && <p className="muted">{t('templates.figures.noFigures')}</p>}
        <ul className="figure-choices">
          {figures.map((figure) => {
            const index = chosen(figure.key);
            const choice = index >= 0 ? block.figures[index]! : null;
            const choiceId = (field: string) => id(`figures.${index}.${field}`);
            return (
              <li key={figure.key}>
                <Checkbox
                  id={id(`choose-${figure.key}`)}
                  label={`${figure.name} (${figure.unitOfMeasure})`}
                  checked={choice !== null}
                  onChange={(on) => toggleFigure(figure.key, on)}
                />
                {choice && (
                  <div className="figure-choice">
                    <SelectField
                      id={choiceId('rule')}
                      label={
                        <>
                          {t('templates.figures.rule')}
                          <span className="visually-hidden">: {figure.name}</span>
                        </>
                      }
                      error={errors[choiceId('rule')]}
                      value={choice.rule}
                      options={valueRules.map((rule) => ({
                        value: rule,
                        label: t(`templates.figures.rules.${rule}`),
                      }))}
                      onChange={(rule) => setChoice(index, { rule: rule as FigureChoice['rule'] })}
                    />
                    {choice.rule === 'at_time' && (
                      <TextField
                        id={choiceId('atTime')}
                        label={t('templates.figures.atTime')}
                        error={errors[choiceId('atTime')]}
                        width="quarter"
                        placeholder="08:00"
                        value={choice.atTime ?? ''}
                        onChange={(event) => setChoice(index, { atTime: event.target.value })}
                      />
                    )}
                    <SelectField
                      id={choiceId('decimals')}
                      label={t('templates.figures.decimals')}
                      error={errors[choiceId('decimals')]}
                      value={choice.decimals === undefined ? '' : String(choice.decimals)}
                      options={[
                        { value: '', label: t('templates.figures.decimalsDefault') },
                        ...['0', '1', '2', '3'].map((value) => ({ value, label: value })),
                      ]}
                      onChange={(value) =>
                        setChoice(index, { decimals: value === '' ? undefined : Number(value) })
                      }
                    />
                    <TextField
                      id={choiceId('label')}
                      label={t('templates.figures.label')}
                      error={errors[choiceId('label')]}
                      placeholder={figure.name}
                      value={choice.label ?? ''}
                      onChange={(event) => setChoice(index, { label: event.target.value })}
                    />
                    <TextField
                      id={choiceId('unitOfMeasure')}
                      label={
                        <>
                          {t('templates.figures.unitOfMeasure')}
                          <span className="visually-hidden">: {figure.name}</span>
                        </>
                      }
                      hint={t('templates.figures.unitOfMeasureHint', {
                        unit: figure.unitOfMeasure,
                      })}
                      error={errors[choiceId('unitOfMeasure')]}
                      value={choice.unitOfMeasure ?? ''}
                      onChange={(event) => setChoice(index, { unitOfMeasure: event.target.value })}
                    />
                    {block.layout === 'compound' && (
                      <SelectField
                        id={choiceId('partOf')}
                        label={
                          <>
                            {t('templates.figures.partOf')}
                            <span className="visually-hidden">: {figure.name}</span>
                          </>
                        }
                        hint={t('templates.figures.partOfHint')}
                        error={errors[choiceId('partOf')]}
                        value={choice.partOf ?? ''}
                        options={[
                          { value: '', label: t('templates.figures.partOfNone') },
                          ...block.figures
                            .filter((other) => other.key !== figure.key)
                            .map((other) => ({ value: other.key, label: nameOf(other.key) })),
                        ]}
                        onChange={(partOf) => setChoice(index, { partOf })}
                      />
                    )}
                    <FigureBands
                      idOf={choiceId}
                      figureName={figure.name}
                      bands={choice.bands}
                      errors={errors}
                      onChange={(bands) => setChoice(index, { bands })}
                    />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('templates.figures.units')}</legend>
        <p className="hint">{t('templates.figures.unitsHint')}</p>
        <FieldError id={id('units')} message={errors[id('units')]} />
        <div className="checkbox-columns">
          {units.map((unit) => (
            <Checkbox
              key={unit.id}
              id={id(`unit-${unit.id}`)}
              label={`${'\u2003'.repeat(unit.depth)}${unit.name}`}
              checked={block.units.includes(unit.id)}
              onChange={(on) =>
                set({
                  units: on
                    ? [...block.units, unit.id]
                    : block.units.filter((unitId) => unitId !== unit.id),
                })
              }
            />
          ))}
        </div>
      </fieldset>
      <SelectField
        id={id('layout')}
        label={t('templates.figures.layout')}
        error={errors[id('layout')]}
        value={block.layout}
        options={figureLayouts.map((layout) => ({
          value: layout,
          label: t(`templates.figures.layouts.${layout}`),
        }))}
        onChange={(layout) => set({ layout: layout as KeyFigureBlock['layout'] })}
      />
      <SelectField
        id={id('comparison')}
        label={t('templates.figures.comparison')}
        error={errors[id('comparison')]}
        value={block.comparison}
        options={comparisons.map((comparison) => ({
          value: comparison,
          label: t(`templates.figures.comparisons.${comparison}`),
        }))}
        onChange={(comparison) => {
          const next = { ...block, comparison: comparison as KeyFigureBlock['comparison'] };
          if (comparison !== 'baseline') delete next.baselineDate;
          onChange(next);
        }}
      />
      {block.comparison === 'baseline' && (
        <TextField
          id={id('baselineDate')}
          label={t('templates.figures.baselineDate')}
          hint={t('templates.figures.baselineHint')}
          error={errors[id('baselineDate')]}
          width="quarter"
          value={block.baselineDate ?? ''}
          onChange={(event) => set({ baselineDate: event.target.value })}
        />
      )}
      <TextField
        id={id('missingMark')}
        label={t('templates.figures.missingMark')}
        error={errors[id('missingMark')]}
        width="quarter"
        value={block.missingMark}
        onChange={(event) => set({ missingMark: event.target.value })}
      />
      {(['subtotals', 'total', 'showReported', 'chart', 'repeatPerUnit'] as const).map((flag) => (
        <Checkbox
          key={flag}
          id={id(flag)}
          label={t(`templates.figures.${flag}`)}
          checked={block[flag]}
          onChange={(on) => set({ [flag]: on })}
        />
      ))}
    </fieldset>
  );
}

function ListBlockForm({
  uid,
  kind,
  block,
  errors,
  onChange,
}: {
  uid: string;
  kind: keyof typeof columnsOf;
  block: ListBlock;
  errors: Record<string, string>;
  onChange: (block: ListBlock) => void;
}) {
  const { t } = useTranslation();
  const id = (field: string) => fieldId(uid, `list.${field}`);
  const set = (change: Partial<ListBlock>) => onChange({ ...block, ...change });
  const columns: readonly string[] = columnsOf[kind];
  const optionalNumber = (field: 'minRiskScore' | 'limit', value: string) => {
    const next = { ...block };
    if (value.trim() === '') delete next[field];
    else next[field] = Number(value);
    onChange(next);
  };
  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">{t('templates.list.title')}</legend>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('templates.list.columns')}</legend>
        <p className="hint">{t('templates.list.columnsHint')}</p>
        <FieldError id={id('columns')} message={errors[id('columns')]} />
        <div className="checkbox-columns">
          {columns.map((column) => (
            <Checkbox
              key={column}
              id={id(`column-${column}`)}
              label={t(`templates.list.column.${column}`)}
              checked={block.columns.includes(column)}
              onChange={(on) =>
                set({
                  columns: on
                    ? columns.filter((name) => name === column || block.columns.includes(name))
                    : block.columns.filter((name) => name !== column),
                })
              }
            />
          ))}
        </div>
      </fieldset>
      {kind === 'log' && (
        <Checkbox
          id={id('significantOnly')}
          label={t('templates.list.significantOnly')}
          checked={block.significantOnly}
          onChange={(significantOnly) => set({ significantOnly })}
        />
      )}
      {(kind === 'actions' || kind === 'diversions') && (
        <Checkbox
          id={id('openOnly')}
          label={t('templates.list.openOnly')}
          checked={block.openOnly}
          onChange={(openOnly) => set({ openOnly })}
        />
      )}
      {kind === 'risks' && (
        <TextField
          id={id('minRiskScore')}
          label={t('templates.list.minRiskScore')}
          error={errors[id('minRiskScore')]}
          width="quarter"
          type="number"
          min={1}
          max={16}
          value={block.minRiskScore ?? ''}
          onChange={(event) => optionalNumber('minRiskScore', event.target.value)}
        />
      )}
      <TextField
        id={id('limit')}
        label={t('templates.list.limit')}
        error={errors[id('limit')]}
        width="quarter"
        type="number"
        min={1}
        max={500}
        value={block.limit ?? ''}
        onChange={(event) => optionalNumber('limit', event.target.value)}
      />
    </fieldset>
  );
}
