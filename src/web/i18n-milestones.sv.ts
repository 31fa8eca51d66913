// Translations for milestones (timeline and staff screen) and for closing an event.
const sv = {
  milestones: {
    title: 'Milstolpar',
    intro:
      'Milstolparna i planen som händelsen gäller: planerat datum, om de har nåtts eller flyttats.',
    timelineTitle: 'Milstolpar på tidslinjen',
    timelineLabel: 'Tidslinje över milstolparna. Samma uppgifter finns i listan nedanför.',
    listTitle: 'Milstolparna i datumordning',
    today: 'I dag',
    none: 'Inga milstolpar ännu.',
    manage: 'Hantera milstolpar',
    state: {
      upcoming: 'Kommande',
      reached: 'Nådd',
      moved: 'Flyttad',
      passed: 'Passerad utan att nås',
    },
    reachedOn: 'Nådd {{when}}',
    movedFrom: 'Flyttad från {{from}} till {{to}}',
    newTitle: 'Ny milstolpe',
    editTitle: 'Ändra milstolpen',
    moveTitle: 'Flytta milstolpen ”{{title}}”',
    fieldTitle: 'Rubrik',
    description: 'Beskrivning',
    plannedOn: 'Planerat datum',
    plannedOnHint: 'Datum i svensk tid, till exempel 2025-02-18.',
    newDate: 'Nytt datum',
    reason: 'Skäl till flytten',
    decision: 'Beslut som flyttade milstolpen',
    decisionHint: 'Välj beslutet om flytten finns i beslutsloggen.',
    noDecision: 'Inget beslut',
    add: 'Lägg till milstolpen',
    edit: 'Ändra',
    move: 'Flytta',
    reach: 'Markera som nådd',
    saved: 'Milstolpen är sparad.',
    movedDone: 'Milstolpen är flyttad.',
    reachedDone: 'Milstolpen är markerad som nådd.',
    conflict:
      'Någon annan har ändrat milstolpen. Listan visar nu den aktuella versionen; försök igen.',
  },
  closing: {
    checklistTitle: 'Innan händelsen avslutas',
    ok: 'Klart',
    notOk: 'Inte klart',
    items: {
      final_report: 'Slutrapporten är publicerad',
      actions_handed_over:
        'Öppna åtgärder är överlämnade till en namngiven mottagare utanför staben',
      diversions_ended: 'Alla omstyrningar har upphört',
      readiness_normal: 'Beredskapsnivån är tillbaka på normal',
      distribution_told: 'Slutrapporten är skickad till sändlistorna',
    },
    notReady: 'Alla punkter är inte klara. Du kan avsluta ändå om du anger varför.',
    override: 'Avsluta trots att listan inte är klar',
    reason: 'Varför avslutas händelsen ändå?',
    reopenIntro:
      'Bara en administratör kan öppna en avslutad händelse. Skälet sparas i granskningsloggen.',
    reopenReason: 'Varför öppnas händelsen igen?',
    reopenSubmit: 'Öppna händelsen igen',
    reopened: 'Händelsen {{name}} är öppnad igen.',
  },
};

export default sv;
