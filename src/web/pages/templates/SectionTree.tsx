// The template's sections as a tree: rename in place, and move, nest, unnest and remove by
// buttons (focus stays on the moved section's button) or by dragging a section onto another.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorSection, Path } from './tree.ts';

export type TreeAction = 'up' | 'down' | 'indent' | 'outdent' | 'remove';

export function SectionTree({
  sections,
  selected,
  invalid,
  onAction,
  onTitle,
  onSelect,
  onDrop,
}: {
  sections: EditorSection[];
  selected: string | null;
  invalid: Set<string>;
  onAction: (uid: string, action: TreeAction) => void;
  onTitle: (uid: string, title: string) => void;
  onSelect: (uid: string) => void;
  onDrop: (dragged: string, target: string) => void;
}) {
  const { t } = useTranslation();
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);

  const button = (
    section: EditorSection,
    action: TreeAction,
    label: string,
    symbol: string,
    disabled: boolean,
  ) => (
    <button
      type="button"
      id={`${action}-${section.uid}`}
      className="button button--secondary button--small"
      disabled={disabled}
      onClick={() => onAction(section.uid, action)}
    >
      <span aria-hidden="true">{symbol}</span> {label}
      <span className="visually-hidden">: {section.title}</span>
    </button>
  );

  const renderList = (list: EditorSection[], parent: Path) => (
    <ol className="section-order">
      {list.map((section, index) => {
        const path = [...parent, index];
        const number = path.map((at) => at + 1).join('.');
        return (
          <li
            key={section.uid}
            draggable
            className={[
              'section-order__item',
              over === section.uid && dragged !== section.uid ? 'section-order__item--over' : '',
            ].join(' ')}
            onDragStart={(event) => {
              event.stopPropagation();
              event.dataTransfer.setData('text/plain', section.uid);
              event.dataTransfer.effectAllowed = 'move';
              setDragged(section.uid);
            }}
            onDragOver={(event) => {
              event.preventDefault();
              event.stopPropagation();
              setOver(section.uid);
            }}
            onDrop={(event) => {
              event.preventDefault();
              event.stopPropagation();
              const uid = event.dataTransfer.getData('text/plain') || dragged;
              if (uid) onDrop(uid, section.uid);
              setDragged(null);
              setOver(null);
            }}
            onDragEnd={() => {
              setDragged(null);
              setOver(null);
            }}
          >
            <div
              className={`section-order__row${selected === section.uid ? ' section-order__row--selected' : ''}${invalid.has(section.uid) ? ' section-order__row--invalid' : ''}`}
            >
              <span className="section-order__grip" aria-hidden="true">
                ⠿
              </span>
              <span className="section-order__number" aria-hidden="true">
                {number}
              </span>
              <span className="section-order__title">
                <label className="visually-hidden" htmlFor={`title-${section.uid}`}>
                  {t('templates.sectionTitle', { number })}
                </label>
                <input
                  id={`title-${section.uid}`}
                  className="input"
                  value={section.title}
                  aria-invalid={invalid.has(section.uid) || undefined}
                  onChange={(event) => onTitle(section.uid, event.target.value)}
                />
              </span>
              <span className="small muted section-order__kind">
                {t(`admin.templates.kinds.${section.kind}`)}
                {section.internal && ` · ${t('picture.internal')}`}
              </span>
              <span className="section-order__buttons">
                {button(section, 'up', t('templates.up'), '↑', index === 0)}
                {button(section, 'down', t('templates.down'), '↓', index === list.length - 1)}
                {button(section, 'indent', t('templates.indent'), '→', index === 0)}
                {button(section, 'outdent', t('templates.outdent'), '←', parent.length === 0)}
                <button
                  type="button"
                  id={`edit-${section.uid}`}
                  className="button button--secondary button--small"
                  aria-pressed={selected === section.uid}
                  onClick={() => onSelect(section.uid)}
                >
                  {t('templates.edit')}
                  <span className="visually-hidden">: {section.title}</span>
                </button>
                {button(section, 'remove', t('templates.remove'), '✕', false)}
              </span>
            </div>
            {section.children.length > 0 && renderList(section.children, path)}
          </li>
        );
      })}
    </ol>
  );

  return renderList(sections, []);
}
