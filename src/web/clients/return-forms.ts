// An event's return form (src/server/return-forms/).
import type {
  ReplaceReturnFormInput,
  ReturnFieldKind,
  ReturnForm,
} from '../../contract/return-forms.ts';
import { allOf } from '../exhaustive.ts';
import { eventPath, request } from '../api.ts';

export const returnFieldKindList = allOf<ReturnFieldKind>()([
  'text',
  'status',
  'prognosis',
  'number',
  'yesno',
  'choice',
  'date',
]);

const formPath = (eventId: number) => `${eventPath(eventId)}/return-form`;

export const returnFormsApi = {
  get: (eventId: number) => request<ReturnForm>('GET', formPath(eventId)),
  replace: (eventId: number, body: ReplaceReturnFormInput) =>
    request<ReturnForm>('PUT', formPath(eventId), body),
};

/** The one check of a return's answers, loaded on demand so that zod is not in the first bundle. */
export function loadAnswerCheck() {
  // The web app imports only types from src/contract; this module is the one exception, as a
  // chunk of its own that the return form and its admin screen load when they open.
  return import('../../contract/return-forms.ts');
}
