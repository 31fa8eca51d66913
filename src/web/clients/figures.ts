// Key figures, their observations, series and CSV import (src/server/figures/).
import type {
  Figure,
  FigureExchangeMeaning,
  ImportPreview,
  Observation,
  Series,
} from '../../contract/figures.ts';
import type { Page } from '../../contract/list.ts';
import { type Body, type Query, eventPath, request } from '../api.ts';
import { allOf } from '../exhaustive.ts';

export const exchangeMeaningList = allOf<FigureExchangeMeaning>()([
  'bed_occupancy_percent',
  'staffed_beds',
]);

const figures = (eventId: number) => `${eventPath(eventId)}/figures`;

export const figuresApi = {
  list: (eventId: number, query: Query = {}) =>
    request<Page<Figure>>('GET', figures(eventId), undefined, query),
  create: (eventId: number, body: Body) => request<Figure>('POST', figures(eventId), body),
  update: (eventId: number, id: number, body: Body) =>
    request<Figure>('PATCH', `${figures(eventId)}/${id}`, body),
  series: (eventId: number, figureId: number) =>
    request<Series>('GET', `${figures(eventId)}/${figureId}/series`, undefined, {
      granularity: 'week',
    }),
  observations: (eventId: number, figureId: number, query: Query = {}) =>
    request<Page<Observation>>(
      'GET',
      `${figures(eventId)}/${figureId}/observations`,
      undefined,
      query,
    ),
  createObservation: (eventId: number, figureId: number, body: Body) =>
    request<Observation>('POST', `${figures(eventId)}/${figureId}/observations`, body),
  previewImport: (eventId: number, filename: string, csv: string) =>
    request<ImportPreview>('POST', `${figures(eventId)}/import/preview`, { filename, csv }),
  runImport: (eventId: number, filename: string, csv: string) =>
    request<{ source: string; imported: number }>('POST', `${figures(eventId)}/import`, {
      filename,
      csv,
    }),
};
