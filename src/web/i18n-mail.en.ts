// Translations for e-mail: whether it is sent at all, a report's deliveries and the event's
// outbox (kit/mail.tsx, pages/reports/DeliveriesPage.tsx, pages/admin/Outbox.tsx).
import type sv from './i18n-mail.sv.ts';

const en: typeof sv = {
  mail: {
    notConfiguredTitle: 'No e-mail is sent',
    notConfigured:
      'No mail server is configured, so no e-mail is sent now. The e-mails wait in the outbox and are sent once an administrator has configured the mail server (SMTP_URL) and restarted Lägesbild. Until then, recipients can read the report in the archive.',
    recipient: 'Recipient',
    report: 'Report',
    state: 'Status',
    queued: 'Queued',
    sentAt: 'Sent',
    attempts: 'Attempts',
    lastError: 'Last error',
    states: {
      pending: 'Waiting',
      sending: 'Sending',
      sent: 'Sent',
      failed: 'Failed',
    },
    nextAttempt: 'Next attempt {{at}}',
    resend: 'Send again',
    resent: 'The e-mail to {{email}} is being sent again.',
    deliveries: {
      title: 'Deliveries of the report',
      link: 'Who received the report?',
      intro: 'Who received the report by e-mail and when, and which sends failed.',
      listTitle: 'Recipients',
      none: 'The report was not sent to anyone: there was no distribution list or subscriber when it was published.',
      summary: '{{sent}} sent, {{waiting}} waiting, {{failed}} failed.',
    },
    outbox: {
      title: 'Outbox',
      intro:
        "Every e-mail with the event's published reports: what waits, what was sent and what failed, with the error.",
      listTitle: 'E-mail',
      empty: 'No e-mail here.',
      link: 'The whole outbox',
    },
    publishNotSent_one:
      'The e-mail to {{count}} recipient is not sent now: no mail server is configured.',
    publishNotSent_other:
      'The e-mails to {{count}} recipients are not sent now: no mail server is configured.',
  },
};

export default en;
