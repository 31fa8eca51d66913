// Dokument: the event's document library, files that belong to no single record.
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { FilesPanel } from '../../kit/attachments.tsx';
import { EventPage } from '../../kit/eventPage.tsx';

export function DocumentsPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  return (
    <EventPage eventId={eventId} title={t('files.library.title')} intro={t('files.library.intro')}>
      {(_event, can) => (
        <FilesPanel
          eventId={eventId}
          owner={{ kind: 'library' }}
          canWrite={can('library.write')}
          listHeading={t('files.library.listTitle')}
        />
      )}
    </EventPage>
  );
}
