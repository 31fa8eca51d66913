// The section as the published page will show it, for the public or the internal version.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportSection } from '../../../contract/reports.ts';
import { SectionPreview } from './Preview.tsx';

export function SectionPreviewPanel({
  section,
  text,
  internal,
}: {
  section: ReportSection;
  text: string;
  internal: boolean;
}) {
  const { t } = useTranslation();
  const [audience, setAudience] = useState<'public' | 'internal'>(
    section.internal ? 'internal' : 'public',
  );
  return (
    <section className="section-editor__preview" aria-labelledby="preview-title">
      <div className="preview-head">
        <h2 id="preview-title">{t('reports.preview.title')}</h2>
        <fieldset className="fieldset preview-audience">
          <legend className="visually-hidden">{t('reports.preview.audience')}</legend>
          {(['public', 'internal'] as const).map((option) => (
            <div className="radio radio--small" key={option}>
              <input
                type="radio"
                id={`audience-${option}`}
                name="audience"
                checked={audience === option}
                onChange={() => setAudience(option)}
              />
              <label htmlFor={`audience-${option}`}>{t(`reports.preview.${option}`)}</label>
            </div>
          ))}
        </fieldset>
      </div>
      <div className="report-preview">
        {audience === 'public' && internal ? (
          <p className="muted">{t('reports.preview.hiddenInPublic')}</p>
        ) : (
          <SectionPreview section={section} text={text} audience={audience} />
        )}
      </div>
    </section>
  );
}
