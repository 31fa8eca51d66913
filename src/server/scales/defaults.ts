import type { ScalesSetup } from '../../contract/scales.ts';

/**
 * The scales every event had before scales were set per event: the keys returns stored then, with
 * the names the web app showed. The migration gives them to existing events; keep them as they are.
 */
export const todaysScales: ScalesSetup = {
  status: [
    {
      key: 'green',
      name: 'Normalt',
      nameEn: 'Normal',
      colour: '#00703c',
      meaning: 'Verksamheten fungerar som vanligt.',
      symbol: '●',
    },
    {
      key: 'yellow',
      name: 'Påverkat',
      nameEn: 'Affected',
      colour: '#ffdd00',
      meaning: 'Påverkan som hanteras inom enheten.',
      symbol: '▲',
    },
    {
      key: 'red',
      name: 'Allvarligt',
      nameEn: 'Serious',
      colour: '#d4351c',
      meaning: 'Allvarlig påverkan; stöd från andra kan behövas.',
      symbol: '■',
    },
  ],
  prognosis: [
    {
      key: 'improving',
      name: 'Förbättras',
      nameEn: 'Improving',
      colour: '#00703c',
      meaning: 'Läget väntas bli bättre.',
      symbol: '↗',
    },
    {
      key: 'unchanged',
      name: 'Oförändrad',
      nameEn: 'Unchanged',
      colour: '#505a5f',
      meaning: 'Läget väntas bli som nu.',
      symbol: '→',
    },
    {
      key: 'worsening',
      name: 'Försämras',
      nameEn: 'Worsening',
      colour: '#d4351c',
      meaning: 'Läget väntas bli sämre.',
      symbol: '↘',
    },
  ],
};

/** The scales a new event starts with. */
export function defaultScales(): ScalesSetup {
  return todaysScales;
}
