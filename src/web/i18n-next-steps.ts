// Translations for the start page's next steps, merged into i18n.ts.
const sv = {
  nextSteps: {
    title: 'Att göra',
    loading: 'Hämtar det du behöver göra …',
    nothing: 'Du har inget som väntar på dig just nu.',
    approvals: 'Väntar på ditt godkännande',
    approve: 'Granska och godkänn {{title}}',
    compiledAt: 'sammanställd {{when}}',
    returns: 'Skickade tillbaka för komplettering',
    fixReturn: 'Komplettera lägesbilden för {{unit}}, {{period}}',
    returnComment: 'Stabens kommentar: {{comment}}',
    overdueActions: 'Dina försenade åtgärder',
    overdueAction: '{{text}}',
    dueAt: 'skulle vara klar {{when}}',
    deadlines: 'Dina sista dagar för lägesbild',
    deadline: 'Lämna lägesbild för {{unit}}, {{period}}',
    deadlineAt: 'senast {{when}}',
    missingReports: 'Lägesbild saknas för perioden',
    missingReport: 'Lämna lägesbild för {{unit}}, {{period}}',
    missingDeadline: 'sista dag var {{when}}',
  },
};

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
};

export const nextStepsTranslations = { sv, en };
