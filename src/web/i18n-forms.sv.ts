// Translations for the event's return form: the unit's fields and the admin screen.
const sv = {
  returnForm: {
    notAvailable: 'Uppgift saknas',
    notAvailableHint: 'Markera om uppgiften inte finns att få fram. Det räknas som ett svar.',
    yes: 'Ja',
    no: 'Nej',
    choose: 'Välj …',
    answersTitle: 'Övriga uppgifter',
    answersOf: 'Övriga uppgifter från {{unit}}',
    checkUnavailable:
      'Kontrollen av formuläret kunde inte laddas. Servern kontrollerar när du sparar.',
    admin: {
      title: 'Rapportformulär',
      intro:
        'Fälten i enheternas lägesrapport, i ordning. Ändringar gäller rapporter som sparas efter att formuläret har sparats.',
      fieldsTitle: 'Fält',
      field: 'Fält {{number}}: {{label}}',
      key: 'Nyckel',
      keyHint: 'Bokstäver a–z, siffror, - och _. Kan inte ändras när fältet är sparat.',
      kind: 'Typ',
      label: 'Rubrik',
      help: 'Hjälptext',
      required: 'Obligatoriskt',
      options: 'Alternativ, ett per rad',
      figureName: 'Nyckeltal',
      figureUnit: 'Måttenhet (t.ex. st eller %)',
      decimals: 'Antal decimaler',
      moveUp: 'Flytta upp {{label}}',
      moveDown: 'Flytta ned {{label}}',
      remove: 'Ta bort {{label}}',
      add: 'Lägg till fält',
      newLabel: 'Nytt fält',
      save: 'Spara formuläret',
      saved: 'Formuläret är sparat.',
      preview: 'Förhandsvisning av enhetens formulär',
      defaultNote: 'Händelsen har standardformuläret.',
      kinds: {
        text: 'Fritext',
        status: 'Status',
        prognosis: 'Prognos',
        number: 'Tal (nyckeltal)',
        yesno: 'Ja/nej',
        choice: 'Val i lista',
        date: 'Datum',
      },
    },
  },
};

export default sv;
