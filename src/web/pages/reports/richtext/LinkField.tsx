// The link's address: only http(s) and mailto, so a javascript: or data: address is refused
// beside the field. With no text selected, the address itself becomes the link's text.
import { type Editor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbsoluteUrl } from '../../../../render/markdown-text.ts';

export function LinkField({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const { t } = useTranslation();
  const current = String(editor.getAttributes('link').href ?? '');
  const [url, setUrl] = useState(current);
  const [error, setError] = useState<string | null>(null);

  function apply() {
    const href = url.trim();
    if (!isAbsoluteUrl(href)) {
      setError(t('reports.richText.linkInvalid'));
      return;
    }
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain
        .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else {
      chain.extendMarkRange('link').setLink({ href }).run();
    }
    onClose();
  }

  function remove() {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  }

  return (
    <div className={`rich-text__link field${error ? ' field--error' : ''}`}>
      <label className="label" htmlFor="rich-text-link">
        {t('reports.richText.linkUrl')}
      </label>
      {error && (
        <p className="field-error" id="rich-text-link-error">
          <span className="visually-hidden">Fel: </span>
          {error}
        </p>
      )}
      <input
        id="rich-text-link"
        className="input input--half"
        type="url"
        inputMode="url"
        autoFocus
        value={url}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'rich-text-link-error' : undefined}
        onChange={(change) => {
          setUrl(change.target.value);
          setError(null);
        }}
        onKeyDown={(key) => {
          if (key.key === 'Enter') {
            key.preventDefault();
            apply();
          } else if (key.key === 'Escape') {
            key.preventDefault();
            editor.commands.focus();
            onClose();
          }
        }}
      />
      <span className="button-group">
        <button type="button" className="button button--secondary" onClick={apply}>
          {t('reports.richText.linkApply')}
        </button>
        {current && (
          <button type="button" className="link-button" onClick={remove}>
            {t('reports.richText.linkRemove')}
          </button>
        )}
        <button type="button" className="link-button" onClick={onClose}>
          {t('reports.richText.linkCancel')}
        </button>
      </span>
    </div>
  );
}
