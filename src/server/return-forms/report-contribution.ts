import type { Db } from '../db/schema.ts';
import type { ReturnField } from '../../contract/return-forms.ts';
import { returnFieldsOf } from './service.ts';

/** The event's return form as a report reads it: its fields in order. */
export function returnFormForReport(db: Db, eventId: number): Promise<ReturnField[]> {
  return returnFieldsOf(db, eventId);
}
