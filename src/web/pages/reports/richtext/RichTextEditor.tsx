// The section's text as a Word user edits it: a toolbar and a ProseMirror document, read from
// and written back to the stored Markdown. Loaded on its own (React.lazy) so that only the
// section editor brings Tiptap.
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import {
  canonicalMarkdown,
  cleanPastedHtml,
  docToMarkdown,
  markdownToDoc,
  richTextExtensions,
} from './schema.ts';
import './i18n.ts';
import { Toolbar } from './Toolbar.tsx';

export interface RichTextEditorProps {
  id: string;
  labelledBy: string;
  describedBy: string | undefined;
  invalid: boolean;
  value: string;
  onChange: (markdown: string) => void;
}

export default function RichTextEditor({
  id,
  labelledBy,
  describedBy,
  invalid,
  value,
  onChange,
}: RichTextEditorProps) {
  // The text as it came in, and what this editor last said: an untouched text stays byte for byte.
  const origin = useRef({ text: value, canonical: canonicalMarkdown(value) });
  const emitted = useRef(value);
  const [linkOpen, setLinkOpen] = useState(false);
  const editor = useEditor({
    extensions: richTextExtensions,
    content: markdownToDoc(value),
    editorProps: {
      attributes: {
        id,
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-labelledby': labelledBy,
        ...(describedBy && { 'aria-describedby': describedBy }),
        ...(invalid && { 'aria-invalid': 'true' }),
        spellcheck: 'true',
        lang: 'sv',
        class: 'rich-text__content prose',
      },
      transformPastedHTML: cleanPastedHtml,
      handleKeyDown: (_view, key) => {
        if ((key.ctrlKey || key.metaKey) && key.key.toLowerCase() === 'k') {
          key.preventDefault();
          setLinkOpen(true);
          return true;
        }
        return false;
      },
    },
    onUpdate: ({ editor: changed }) => {
      const markdown = docToMarkdown(changed.getJSON());
      const next = markdown === origin.current.canonical ? origin.current.text : markdown;
      emitted.current = next;
      onChange(next);
    },
  });

  // A text set from outside (the other version taken, a merge, the local draft discarded).
  useEffect(() => {
    if (value === emitted.current) return;
    origin.current = { text: value, canonical: canonicalMarkdown(value) };
    emitted.current = value;
    editor.commands.setContent(markdownToDoc(value), { emitUpdate: false });
  }, [editor, value]);

  return (
    <div className={`rich-text${invalid ? ' rich-text--invalid' : ''}`}>
      <Toolbar editor={editor} controls={id} linkOpen={linkOpen} setLinkOpen={setLinkOpen} />
      <EditorContent editor={editor} />
    </div>
  );
}
