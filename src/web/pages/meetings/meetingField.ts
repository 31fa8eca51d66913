// The optional "recorded in meeting" select of the decision and action forms.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format.ts';
import { useLoad } from '../../useLoad.ts';
import { type FieldSpec, type Values, str } from '../../kit/fieldSpec.tsx';
import { hintShownOf } from '../../kit/lists.tsx';
import { meetingsApi } from '../../clients/meetings.ts';

export function useMeetingField(eventId: number): {
  loaded: boolean;
  spec: FieldSpec;
  valueOf: (meetingId: number | null | undefined) => string;
  bodyOf: (values: Values) => number | null;
} {
  const { t } = useTranslation();
  const meetings = useLoad(
    () => meetingsApi.meetings(eventId, { limit: 500, order: 'desc' }),
    [eventId],
  );
  return {
    loaded: !meetings.loading,
    spec: {
      name: 'meetingId',
      label: t('meetings.link.label'),
      hint: hintShownOf(t('meetings.link.hint'), t, meetings.data),
      kind: 'select',
      required: false,
      options: [
        { value: '', label: t('meetings.link.none') },
        ...(meetings.data?.items ?? []).map((meeting) => ({
          value: String(meeting.id),
          label: `${formatDateTime(meeting.startsAt)} – ${meeting.title}`,
        })),
      ],
    },
    valueOf: (meetingId) => (meetingId ? String(meetingId) : ''),
    bodyOf: (values) => (str(values.meetingId) ? Number(str(values.meetingId)) : null),
  };
}
