// Report templates and their sections (src/server/templates/).
import type { Template } from '../../contract/templates.ts';
import { type Body, eventPath, request } from '../api.ts';

const templates = (eventId: number) => `${eventPath(eventId)}/templates`;

export const templatesApi = {
  list: (eventId: number) => request<{ items: Template[] }>('GET', templates(eventId)),
  save: (eventId: number, id: number, body: Body) =>
    request<Template>('PUT', `${templates(eventId)}/${id}`, body),
  copy: (eventId: number, id: number, name: string) =>
    request<Template>('POST', `${templates(eventId)}/${id}/copy`, { name }),
};
