// Translations for e-mail: whether it is sent at all, a report's deliveries and the event's
// outbox (kit/mail.tsx, pages/reports/DeliveriesPage.tsx, pages/admin/Outbox.tsx).
const sv = {
  mail: {
    notConfiguredTitle: 'Ingen e-post skickas',
    notConfigured:
      'Ingen e-postserver är inställd, så ingen e-post skickas nu. Utskicken väntar i utkorgen och skickas när en administratör har ställt in e-postservern (SMTP_URL) och startat om Lägesbild. Till dess kan mottagarna läsa rapporten i arkivet.',
    recipient: 'Mottagare',
    report: 'Rapport',
    state: 'Status',
    queued: 'Köad',
    sentAt: 'Skickad',
    attempts: 'Försök',
    lastError: 'Senaste fel',
    states: {
      pending: 'Väntar',
      sending: 'Skickas',
      sent: 'Skickad',
      failed: 'Misslyckades',
    },
    nextAttempt: 'Nytt försök {{at}}',
    resend: 'Skicka igen',
    resent: 'E-posten till {{email}} skickas igen.',
    deliveries: {
      title: 'Utskick av rapporten',
      link: 'Vem har fått rapporten?',
      intro: 'Vem som fick rapporten med e-post och när, och vilka utskick som misslyckades.',
      listTitle: 'Mottagare',
      none: 'Rapporten skickades inte till någon: det fanns ingen sändlista eller prenumerant när den publicerades.',
      summary: '{{sent}} skickade, {{waiting}} väntar, {{failed}} misslyckade.',
    },
    outbox: {
      title: 'Utkorg',
      intro:
        'All e-post med händelsens publicerade rapporter: vad som väntar, vad som är skickat och vad som misslyckades, med felet.',
      listTitle: 'E-post',
      empty: 'Ingen e-post här.',
      link: 'Hela utkorgen',
    },
    publishNotSent_one:
      'E-posten till {{count}} mottagare skickas inte nu: ingen e-postserver är inställd.',
    publishNotSent_other:
      'E-posten till {{count}} mottagare skickas inte nu: ingen e-postserver är inställd.',
  },
};

export default sv;
