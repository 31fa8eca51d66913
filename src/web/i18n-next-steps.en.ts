// Translations for the start page's next steps and for alerts.
import type sv from './i18n-next-steps.sv.ts';

const en: typeof sv = {
  nextSteps: {
    title: 'To do',
    loading: 'Loading what you need to do …',
    nothing: 'Nothing is waiting for you right now.',
    approvals: 'Waiting for your approval',
    approve: 'Review and approve {{title}}',
    compiledAt: 'compiled {{when}}',
    returns: 'Sent back for completion',
    fixReturn: 'Complete the situation of {{unit}}, {{period}}',
    returnComment: "The staff's comment: {{comment}}",
    overdueActions: 'Your overdue actions',
    overdueAction: '{{text}}',
    dueAt: 'was due {{when}}',
    deadlines: 'Your situation report deadlines',
    deadline: 'Report the situation of {{unit}}, {{period}}',
    deadlineAt: 'by {{when}}',
    missingReports: 'Situation missing for the period',
    missingReport: 'Report the situation of {{unit}}, {{period}}',
    missingDeadline: 'the deadline was {{when}}',
  },
  alerts: {
    title: 'Alerts',
    link: 'Alerts',
    intro:
      'Choose what alerts you. An alert shows on the page you have open, and as a browser notification when the tab is in the background.',
    choicesTitle: 'What alerts you',
    kinds: {
      diversion: 'A diversion starts or ends',
      worst_status: "A unit's status turns to the scale's most serious level",
      figure_threshold:
        "A key figure crosses its threshold for Affected or Serious, up or down, compared with the place's previous value",
      approval_waiting: 'A report is waiting for your approval',
      deadline_near: "Your unit's situation report is due soon (two hours left)",
    },
    inPage: 'Alert me: {{kind}}',
    email: 'Also by e-mail',
    sms: 'Also by SMS',
    emailMissing:
      'No mail server is configured, so alerts are not sent by e-mail now. Those you choose by e-mail are sent once an administrator has configured the mail server.',
    smsMissing: 'SMS cannot be chosen: the installation has no SMS gateway.',
    deviceTitle: 'In this browser',
    sound: 'Play a sound with an alert',
    notify: 'Allow browser notifications',
    notifyGranted: 'The browser shows alerts as notifications when the tab is in the background.',
    notifyDenied:
      "Notifications are blocked in the browser. Change this in the browser's settings.",
    save: 'Save the choices',
    saved: 'Your choices are saved.',
    recentTitle: 'Your recent alerts',
    none: 'No alerts yet.',
    open: 'Open',
    newAlert: 'Alert: {{text}}',
    dismiss: 'Close the alert',
    sent: { none: '', pending: 'being sent', sent: 'sent', failed: 'could not be sent' },
    emailState: 'E-mail {{state}}',
    smsState: 'SMS {{state}}',
  },
};

export default en;
