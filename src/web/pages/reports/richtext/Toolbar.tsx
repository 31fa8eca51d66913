// The editor's toolbar: headings, emphasis, lists, a table and its rows and columns, links, undo.
// Toggles say whether they are on (aria-pressed); every button is a plain, tabbable button.
import { type Editor, useEditorState } from '@tiptap/react';
import { type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LinkField } from './LinkField.tsx';

function readState({ editor }: { editor: Editor }) {
  return {
    heading2: editor.isActive('heading', { level: 2 }),
    heading3: editor.isActive('heading', { level: 3 }),
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    link: editor.isActive('link'),
    inTable: editor.isActive('table'),
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  };
}

export function Toolbar({
  editor,
  controls,
  linkOpen,
  setLinkOpen,
}: {
  editor: Editor;
  controls: string;
  linkOpen: boolean;
  setLinkOpen: (open: boolean) => void;
}) {
  const { t } = useTranslation();
  const state = useEditorState({ editor, selector: readState });
  const chain = () => editor.chain().focus();

  return (
    <>
      <div
        className="rich-text__toolbar"
        role="toolbar"
        aria-label={t('reports.richText.toolbar')}
        aria-controls={controls}
      >
        <Group>
          <Toggle
            pressed={state.heading2}
            label={t('reports.richText.heading2')}
            text="R2"
            onClick={() => chain().toggleHeading({ level: 2 }).run()}
          />
          <Toggle
            pressed={state.heading3}
            label={t('reports.richText.heading3')}
            text="R3"
            onClick={() => chain().toggleHeading({ level: 3 }).run()}
          />
        </Group>
        <Group>
          <Toggle
            pressed={state.bold}
            label={t('reports.richText.bold')}
            text={<strong>F</strong>}
            onClick={() => chain().toggleBold().run()}
          />
          <Toggle
            pressed={state.italic}
            label={t('reports.richText.italic')}
            text={<em>K</em>}
            onClick={() => chain().toggleItalic().run()}
          />
        </Group>
        <Group>
          <Toggle
            pressed={state.bulletList}
            label={t('reports.richText.bulletList')}
            text="•"
            onClick={() => chain().toggleBulletList().run()}
          />
          <Toggle
            pressed={state.orderedList}
            label={t('reports.richText.orderedList')}
            text="1."
            onClick={() => chain().toggleOrderedList().run()}
          />
        </Group>
        <Group>
          <Action
            label={t('reports.richText.insertTable')}
            disabled={state.inTable}
            onClick={() => chain().insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run()}
          />
          <Action
            label={t('reports.richText.addRow')}
            disabled={!state.inTable}
            onClick={() => chain().addRowAfter().run()}
          />
          <Action
            label={t('reports.richText.deleteRow')}
            disabled={!state.inTable}
            onClick={() => chain().deleteRow().run()}
          />
          <Action
            label={t('reports.richText.addColumn')}
            disabled={!state.inTable}
            onClick={() => chain().addColumnAfter().run()}
          />
          <Action
            label={t('reports.richText.deleteColumn')}
            disabled={!state.inTable}
            onClick={() => chain().deleteColumn().run()}
          />
          <Action
            label={t('reports.richText.deleteTable')}
            disabled={!state.inTable}
            onClick={() => chain().deleteTable().run()}
          />
        </Group>
        <Group>
          <Toggle
            pressed={state.link || linkOpen}
            label={t('reports.richText.link')}
            text={t('reports.richText.link')}
            onClick={() => setLinkOpen(!linkOpen)}
          />
        </Group>
        <Group>
          <Action
            label={t('reports.richText.undo')}
            disabled={!state.canUndo}
            onClick={() => chain().undo().run()}
          />
          <Action
            label={t('reports.richText.redo')}
            disabled={!state.canRedo}
            onClick={() => chain().redo().run()}
          />
        </Group>
      </div>
      {linkOpen && <LinkField editor={editor} onClose={() => setLinkOpen(false)} />}
    </>
  );
}

function Group({ children }: { children: ReactNode }) {
  return <span className="rich-text__group">{children}</span>;
}

/**
 * A pointer press on a toolbar button leaves the caret in the text, so that typing goes on where
 * it was; the keyboard still reaches every button with Tab.
 */
function keepEditorFocus(event: MouseEvent): void {
  event.preventDefault();
}

/** A button that is on or off; its name is the label, the short text is for the eye. */
function Toggle({
  pressed,
  label,
  text,
  onClick,
}: {
  pressed: boolean;
  label: string;
  text: ReactNode;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="rich-text__button"
      aria-pressed={pressed}
      aria-label={label}
      title={label}
      onMouseDown={keepEditorFocus}
      onClick={onClick}
    >
      <span aria-hidden="true">{text}</span>
    </button>
  );
}

function Action({
  label,
  disabled,
  onClick,
}: {
  label: string;
  disabled: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="rich-text__button"
      disabled={disabled}
      onMouseDown={keepEditorFocus}
      onClick={onClick}
    >
      {label}
    </button>
  );
}
