// Report templates of an event: reorder sections with up/down buttons (keyboard first), rename
// sections, save with the version; a stale save shows the other version and keeps the draft.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorSummary, TextField } from '../../kit/forms.tsx';
import { Loading } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { type FormErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { EventAdminPage } from './AdminFrame.tsx';
import type { TemplateSection } from '../../../contract/template-sections.ts';
import type { Template } from '../../../contract/templates.ts';
import { ApiError } from '../../api.ts';
import { templatesApi } from '../../clients/templates.ts';

type Path = number[];

function childrenAt(sections: TemplateSection[], parent: Path): TemplateSection[] {
  let list = sections;
  for (const index of parent) list = list[index]!.children;
  return list;
}

/** A copy of the tree with the list at `parent` replaced. */
function withList(
  sections: TemplateSection[],
  parent: Path,
  change: (list: TemplateSection[]) => TemplateSection[],
): TemplateSection[] {
  if (parent.length === 0) return change(sections);
  const [head, ...rest] = parent;
  return sections.map((section, index) =>
    index === head ? { ...section, children: withList(section.children, rest, change) } : section,
  );
}

function flatTitles(sections: TemplateSection[], depth = 0): string[] {
  return sections.flatMap((section) => [
    `${'  '.repeat(depth)}${section.title}`,
    ...flatTitles(section.children, depth + 1),
  ]);
}

export function TemplatesPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const templates = useLoad(() => templatesApi.list(eventId), [eventId]);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const chosen =
    templates.data?.items.find((item) => item.id === selectedId) ?? templates.data?.items[0];

  return (
    <EventAdminPage
      eventId={eventId}
      title={t('admin.templates.title')}
      intro={t('admin.templates.intro')}
    >
      {(_event, can) =>
        templates.error ? (
          <LoadError error={templates.error} retry={templates.reload} />
        ) : !templates.data ? (
          <Loading />
        ) : (
          <>
            <section className="section" aria-labelledby="templates-list-title">
              <h2 id="templates-list-title">{t('admin.templates.listTitle')}</h2>
              <div
                className="table-wrap"
                tabIndex={0}
                role="group"
                aria-labelledby="templates-list-title"
              >
                <table className="table table--dense">
                  <caption className="visually-hidden">{t('admin.templates.listTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('admin.templates.name')}</th>
                      <th scope="col" className="numeric">
                        {t('admin.templates.sections')}
                      </th>
                      <th scope="col">{t('admin.templates.updated')}</th>
                      <th scope="col" className="numeric">
                        {t('admin.templates.version')}
                      </th>
                      <th scope="col">
                        <span className="visually-hidden">{t('picture.form.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {templates.data.items.map((template) => (
                      <tr key={template.id}>
                        <th scope="row">{template.name}</th>
                        <td className="numeric">{flatTitles(template.sections).length}</td>
                        <td className="nowrap">
                          {formatDateTime(
                            (template as Template & { provenance?: { updatedAt: string } })
                              .provenance?.updatedAt,
                          )}
                        </td>
                        <td className="numeric">{template.version}</td>
                        <td className="actions-cell">
                          <button
                            type="button"
                            className="link-button"
                            aria-pressed={chosen?.id === template.id}
                            onClick={() => setSelectedId(template.id)}
                          >
                            {t('admin.templates.open')}
                            <span className="visually-hidden">: {template.name}</span>
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
            {chosen && (
              <TemplateEditor
                key={chosen.id}
                eventId={eventId}
                template={chosen}
                canManage={can('template.manage')}
                onSaved={(saved) => {
                  setSelectedId(saved.id);
                  void templates.reload();
                }}
              />
            )}
          </>
        )
      }
    </EventAdminPage>
  );
}

function TemplateEditor({
  eventId,
  template,
  canManage,
  onSaved,
}: {
  eventId: number;
  template: Template;
  canManage: boolean;
  onSaved: (saved: Template) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(template.name);
  const [sections, setSections] = useState(template.sections);
  const [version, setVersion] = useState(template.version);
  const [conflict, setConflict] = useState<Template | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  const [busy, setBusy] = useState(false);
  const conflictRef = useRef<HTMLDivElement>(null);
  const dirty =
    name !== template.name || JSON.stringify(sections) !== JSON.stringify(template.sections);

  useEffect(() => {
    if (!focus) return;
    const [key, direction] = focus.split('|');
    const wanted = document.getElementById(`move-${direction}-${key}`) as HTMLButtonElement | null;
    const other = document.getElementById(
      `move-${direction === 'up' ? 'down' : 'up'}-${key}`,
    ) as HTMLButtonElement | null;
    (wanted && !wanted.disabled ? wanted : other)?.focus();
  }, [focus, sections]);

  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  function move(parent: Path, index: number, delta: -1 | 1) {
    const list = childrenAt(sections, parent);
    const target = index + delta;
    if (target < 0 || target >= list.length) return;
    const section = list[index]!;
    setSections(
      withList(sections, parent, (items) => {
        const next = [...items];
        next.splice(index, 1);
        next.splice(target, 0, section);
        return next;
      }),
    );
    setAnnouncement(
      t('admin.templates.moved', {
        title: section.title,
        position: target + 1,
        count: list.length,
      }),
    );
    setFocus(`${section.key}|${delta < 0 ? 'up' : 'down'}`);
    setSaved('');
  }

  function rename(parent: Path, index: number, title: string) {
    setSections(
      withList(sections, parent, (items) =>
        items.map((item, at) => (at === index ? { ...item, title } : item)),
      ),
    );
    setSaved('');
  }

  async function save(useVersion = version) {
    setBusy(true);
    try {
      const answer = await templatesApi.save(eventId, template.id, {
        version: useVersion,
        name,
        sections,
      });
      setConflict(null);
      setErrors(noErrors);
      setVersion(answer.version);
      setSaved(t('admin.templates.saved', { version: answer.version }));
      onSaved(answer);
    } catch (error) {
      if (error instanceof ApiError && error.stale) {
        setConflict(error.current<Template>()!);
      } else {
        setErrors(
          formErrorsFrom(
            error,
            { name: 'template-name', sections: 'template-sections' },
            'template-sections',
          ),
        );
      }
    } finally {
      setBusy(false);
    }
  }

  const renderList = (list: TemplateSection[], parent: Path) => (
    <ol className="section-order">
      {list.map((section, index) => {
        const path = [...parent, index];
        const inputId = `title-${section.key}`;
        return (
          <li key={section.key}>
            <div className="section-order__row">
              <span className="section-order__number" aria-hidden="true">
                {path.map((at) => at + 1).join('.')}
              </span>
              {canManage ? (
                <span className="section-order__title">
                  <label className="visually-hidden" htmlFor={inputId}>
                    {t('admin.templates.sectionTitle', {
                      number: path.map((at) => at + 1).join('.'),
                    })}
                  </label>
                  <input
                    id={inputId}
                    className="input"
                    value={section.title}
                    onChange={(event) => rename(parent, index, event.target.value)}
                  />
                </span>
              ) : (
                <span className="section-order__title">{section.title}</span>
              )}
              <span className="small muted section-order__kind">
                {t(`admin.templates.kinds.${section.kind}`, { defaultValue: section.kind })}
                {section.internal && ` · ${t('picture.internal')}`}
              </span>
              {canManage && (
                <span className="section-order__buttons">
                  <button
                    type="button"
                    id={`move-up-${section.key}`}
                    className="button button--secondary button--small"
                    disabled={index === 0}
                    onClick={() => move(parent, index, -1)}
                  >
                    <span aria-hidden="true">↑</span> {t('admin.templates.up')}
                    <span className="visually-hidden">: {section.title}</span>
                  </button>
                  <button
                    type="button"
                    id={`move-down-${section.key}`}
                    className="button button--secondary button--small"
                    disabled={index === list.length - 1}
                    onClick={() => move(parent, index, 1)}
                  >
                    <span aria-hidden="true">↓</span> {t('admin.templates.down')}
                    <span className="visually-hidden">: {section.title}</span>
                  </button>
                </span>
              )}
            </div>
            {section.children.length > 0 && renderList(section.children, path)}
          </li>
        );
      })}
    </ol>
  );

  return (
    <section className="panel" aria-labelledby="template-editor-title">
      <h2 id="template-editor-title" className="panel__title">
        {t('admin.templates.editTitle', { name: template.name })}
      </h2>
      <p className="small muted">
        {t('admin.templates.versionNote', { version })}
        {dirty && <strong className="unsaved"> · {t('admin.templates.unsaved')}</strong>}
      </p>
      <ErrorSummary errors={errors.summary} />
      {conflict && (
        <div className="conflict" role="alert" tabIndex={-1} ref={conflictRef}>
          <h3>{t('picture.conflict.title')}</h3>
          <p>{t('admin.templates.conflictText', { version: conflict.version })}</p>
          <div className="conflict__columns">
            <div>
              <h4>{t('picture.conflict.theirs')}</h4>
              <ol className="small">
                {flatTitles(conflict.sections).map((title, index) => (
                  <li key={index} className="pre-line">
                    {title}
                  </li>
                ))}
              </ol>
            </div>
            <div>
              <h4>{t('picture.conflict.yours')}</h4>
              <ol className="small">
                {flatTitles(sections).map((title, index) => (
                  <li key={index} className="pre-line">
                    {title}
                  </li>
                ))}
              </ol>
            </div>
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
                setSections(conflict.sections);
                setVersion(conflict.version);
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
        label={t('admin.templates.name')}
        error={errors.byField['template-name']}
        width="half"
        value={name}
        disabled={!canManage}
        onChange={(event) => setName(event.target.value)}
      />
      <h3 id="template-sections" tabIndex={-1}>
        {t('admin.templates.sectionsTitle')}
      </h3>
      <p className="hint">{t('admin.templates.orderHint')}</p>
      {renderList(sections, [])}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div role="status" aria-live="polite">
        {saved && <Notice kind="success">{saved}</Notice>}
      </div>
      {canManage && (
        <div className="button-group">
          <button type="button" className="button" disabled={busy} onClick={() => void save()}>
            {t('admin.templates.save')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={!dirty}
            onClick={() => {
              setName(template.name);
              setSections(template.sections);
              setSaved('');
            }}
          >
            {t('admin.templates.undo')}
          </button>
        </div>
      )}
    </section>
  );
}
