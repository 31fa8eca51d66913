// Report templates and their sections (src/server/templates/).
import type { Template, TemplatePreview } from '../../contract/templates.ts';
import { type Body, eventPath, request } from '../api.ts';

const templates = (eventId: number) => `${eventPath(eventId)}/templates`;

export const templatesApi = {
  list: (eventId: number) => request<{ items: Template[] }>('GET', templates(eventId)),
  create: (eventId: number, body: Body) => request<Template>('POST', templates(eventId), body),
  save: (eventId: number, id: number, body: Body) =>
    request<Template>('PUT', `${templates(eventId)}/${id}`, body),
  copy: (eventId: number, id: number, name: string) =>
    request<Template>('POST', `${templates(eventId)}/${id}/copy`, { name }),
  preview: (eventId: number, sections: unknown[]) =>
    request<TemplatePreview>('POST', `${templates(eventId)}/preview`, { sections }),
  importFile: (eventId: number, file: Body) =>
    request<Template>('POST', `${templates(eventId)}/import`, file),
};

/** What export downloads and import reads: the template without its event and history. */
export function templateFileOf(template: Pick<Template, 'name' | 'identity' | 'sections'>) {
  return {
    format: 'lagesbild-template',
    formatVersion: 1,
    name: template.name,
    identity: template.identity,
    sections: template.sections,
  };
}
