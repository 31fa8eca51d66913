// The preview of the sections being designed, compiled by the server from the event's live data
// and shown with the report preview's components; nothing is stored.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionPreview } from '../reports/Preview.tsx';
import { SelectField } from '../../kit/forms.tsx';
import { formatDateTime } from '../../format.ts';
import { templatesApi } from '../../clients/templates.ts';
import type { TemplateSection } from '../../../contract/template-sections.ts';
import type { TemplatePreview } from '../../../contract/templates.ts';
import '../reports/reports.css';

export function TemplatePreviewPanel({
  eventId,
  sections,
  onError,
}: {
  eventId: number;
  sections: TemplateSection[];
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [audience, setAudience] = useState<'public' | 'internal'>('internal');
  const [busy, setBusy] = useState(false);

  async function load() {
    setBusy(true);
    try {
      setPreview(await templatesApi.preview(eventId, sections));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="template-preview" aria-labelledby="template-preview-title">
      <h3 id="template-preview-title">{t('templates.preview.title')}</h3>
      <p className="hint">{t('templates.preview.hint')}</p>
      <div className="button-group">
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void load()}
        >
          {t('templates.preview.button')}
        </button>
      </div>
      {preview && (
        <>
          <SelectField
            id="template-preview-audience"
            label={t('templates.preview.audience')}
            value={audience}
            options={[
              { value: 'internal', label: t('templates.preview.internal') },
              { value: 'public', label: t('templates.preview.public') },
            ]}
            onChange={(value) => setAudience(value as 'public' | 'internal')}
          />
          <p className="small muted">
            {t('templates.preview.compiledAt', { time: formatDateTime(preview.compiledAt) })}
          </p>
          <div className="report-preview" data-testid="template-preview">
            {preview.sections
              .filter((section) => audience === 'internal' || !section.internal)
              .map((section) => (
                <SectionPreview
                  key={section.key}
                  section={section}
                  audience={audience}
                  headingLevel={4}
                />
              ))}
          </div>
        </>
      )}
    </section>
  );
}
