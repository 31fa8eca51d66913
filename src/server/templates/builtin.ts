import type {
  IncludableKind,
  TemplateSection,
  TemplateSectionKind,
} from '../../contract/template-sections.ts';

// The two built-in templates follow the heading outlines of the two seed reports: the regular
// weekly report and the report for an event's end. The wording of the fixed texts is our own.

function section(
  key: string,
  title: string,
  kind: TemplateSectionKind,
  options: {
    includes?: IncludableKind[];
    text?: string;
    children?: TemplateSection[];
    internal?: boolean;
  } = {},
): TemplateSection {
  return {
    key,
    title,
    kind,
    internal: options.internal ?? false,
    includes: options.includes ?? [],
    text: options.text ?? '',
    children: options.children ?? [],
  };
}

const aboutText = [
  'Rapporten sammanställs varje vecka, i regel på torsdagar, av koncernstabens kommunikationsfunktion på uppdrag av den regionala särskilda organisationen för {event}.',
  '',
  'Den ger en samlad, regionövergripande bild av förutsättningar, händelser och beslut, aktuell vid utskicket. Rapporten går till politisk ledning och chefer och publiceras på intranätet.',
  '',
  'Nyckeltalen visar varje enhets senaste rapporterade värde i perioden, aldrig ett medelvärde. Summan över enheter anges för antal; andelar i procent och andra värden som inte kan adderas visas per enhet utan summa.',
].join('\n');

export const weeklyTemplate = {
  name: 'Regional rapport (vecka)',
  kind: 'weekly' as const,
  sections: [
    section('overview', 'Övergripande lägesbild och åtgärder', 'text', {
      children: [
        section('access-to-care', 'Tillgång till vård', 'text', {
          includes: ['diversions', 'key_figures'],
        }),
        section('unit-situations', '{unit:genitive} lägesbild vecka {week}', 'unit_situations'),
        section('patient-safety', 'Patientsäkerhet', 'text'),
        section('programme', 'Program Millennium', 'text', {
          includes: ['decisions', 'milestones'],
        }),
        section('staff', 'Medarbetare och arbetssätt', 'text', { includes: ['actions', 'risks'] }),
      ],
    }),
    section('communication-picture', 'Kommunikativ lägesbild och åtgärder', 'text', {
      includes: ['media'],
    }),
    section('comment', 'Verksamhetens kommentar', 'text'),
    section('spokespersons', 'Talespersoner VGR', 'spokespersons'),
    section(
      'communication-activities',
      'Aktuella kommunikationsaktiviteter, urval',
      'communication',
    ),
    section('background', 'Bakgrund', 'text'),
    section('about', 'Om Regional rapport {event}', 'about', { text: aboutText }),
  ],
};

export const closingTemplate = {
  name: 'Regional rapport (avslut)',
  kind: 'closing' as const,
  sections: [
    section('event-description', 'Beskrivning av händelsen', 'text', { includes: ['diversions'] }),
    section('circumstances', 'Kända omständigheter och vidtagna åtgärder', 'text', {
      includes: ['decisions', 'actions', 'milestones'],
    }),
    section('closing', 'RSO avslutas', 'text'),
    section('communication-picture', 'Kommunikativ lägesbild', 'text', { includes: ['media'] }),
    section('comment', 'Verksamhetens kommentar', 'text'),
    section('communication-activities', 'Kommunikativa åtgärder, urval', 'communication'),
    section('links', 'Samlad information', 'links'),
    section('spokespersons', 'Talespersoner VGR', 'spokespersons'),
    section('about', 'Om Regional rapport {event}', 'about', { text: aboutText }),
  ],
};

export const builtinTemplates = [weeklyTemplate, closingTemplate];
