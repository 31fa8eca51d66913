import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type ReturnField,
  defaultReturnForm,
  fieldFigures,
  replaceReturnFormBody,
  returnAnswersSchema,
  returnFormSetup,
} from '../../src/contract/return-forms.ts';
import { answerBlocks, fieldFigureRows } from '../../src/server/reports/compile-answers.ts';

const scales = {
  statuses: ['green', 'yellow', 'red'],
  prognoses: ['improving', 'unchanged', 'worsening'],
};

const fields: ReturnField[] = [
  ...defaultReturnForm(),
  { key: 'ivaOpen', kind: 'yesno', label: 'IVA öppen', help: '', required: true },
  {
    key: 'level',
    kind: 'choice',
    label: 'Beredskapsläge',
    help: '',
    required: false,
    options: ['Normal', 'Förstärkt', 'Stab'],
  },
  {
    key: 'beds',
    kind: 'number',
    label: 'Lediga vårdplatser',
    help: 'Antal just nu.',
    required: true,
    figure: { name: 'Lediga vårdplatser', unit: 'st', decimals: 0 },
  },
  {
    key: 'occupancy',
    kind: 'number',
    label: 'Beläggning',
    help: '',
    required: false,
    figure: { name: 'Beläggningsgrad', unit: '%', decimals: 1 },
  },
  { key: 'since', kind: 'date', label: 'Sedan', help: '', required: false },
  { key: 'note', kind: 'text', label: 'Övrigt', help: '', required: false },
];

/** The messages of a failed check by field key, or {} when it passes. */
function messages(answers: unknown, mode: 'draft' | 'submit'): Record<string, string> {
  const result = returnAnswersSchema(fields, scales, mode).safeParse(answers);
  if (result.success) return {};
  return Object.fromEntries(
    result.error.issues.map((issue) => [issue.path.join('.') || '(form)', issue.message]),
  );
}

const complete = {
  overallStatus: 'yellow',
  prognosis: 'unchanged',
  ivaOpen: true,
  beds: 12,
};

describe('the return form definition', () => {
  it("is by default today's fields, with only the overall status and prognosis required", () => {
    assert.deepEqual(
      defaultReturnForm().map((field) => [field.key, field.kind, field.label, field.required]),
      [
        ['overallStatus', 'status', 'Övergripande status', true],
        ['accessToCare', 'status', 'Tillgång till vård', false],
        ['patientSafety', 'status', 'Patientsäkerhet', false],
        ['staff', 'status', 'Medarbetare', false],
        ['itProgramme', 'status', 'IT/program', false],
        ['communication', 'status', 'Kommunikation', false],
        ['prognosis', 'prognosis', 'Prognos för kommande period', true],
        ['bullets', 'text', 'Lägesbild i punktform', false],
      ],
    );
    assert.equal(returnFormSetup.safeParse({ fields: defaultReturnForm() }).success, true);
  });

  it('refuses duplicate keys, a built-in key of another kind, bad slugs and too few options', () => {
    const issues = (fields: unknown[]) =>
      replaceReturnFormBody
        .safeParse({ version: 1, fields })
        .error!.issues.map((issue) => [issue.path.join('.'), issue.message]);
    assert.deepEqual(
      issues([
        { key: '1bad key', kind: 'date', label: 'C' },
        { key: 'pick', kind: 'choice', label: 'D', options: ['Ett'] },
        { key: 'empty', kind: 'date', label: '  ' },
        { key: 'n', kind: 'number', label: 'N', figure: { name: 'Platser', decimals: 5 } },
      ]),
      [
        [
          'fields.0.key',
          'Nyckeln ska börja med en bokstav och bara innehålla a–z, 0–9, - och _ (högst 40 tecken).',
        ],
        ['fields.1.options', 'Ange minst två alternativ.'],
        ['fields.2.label', 'Ange fältets rubrik.'],
        ['fields.3.figure.decimals', 'Ange antalet decimaler som ett heltal 0–4.'],
      ],
    );
    assert.deepEqual(
      issues([
        { key: 'overallStatus', kind: 'text', label: 'Läge' },
        { key: 'beds', kind: 'yesno', label: 'A' },
        { key: 'beds', kind: 'yesno', label: 'B' },
        { key: 'n1', kind: 'number', label: 'N1', figure: { name: 'Platser' } },
        { key: 'n2', kind: 'number', label: 'N2', figure: { name: 'platser' } },
      ]),
      [
        [
          'fields.0.kind',
          'Fältet overallStatus är ett av de inbyggda fälten och måste vara av typen status.',
        ],
        ['fields.2.key', 'Nyckeln beds används av två fält.'],
        ['fields.4.figure.name', 'Nyckeltalet platser hämtas redan från ett annat fält.'],
      ],
    );
    assert.deepEqual(issues([]), [['fields', 'Formuläret behöver minst ett fält.']]);
  });
});

describe('checking a return against its form', () => {
  it('lets a draft leave required fields unanswered but checks each kind', () => {
    assert.deepEqual(messages({}, 'draft'), {});
    assert.deepEqual(
      messages(
        {
          overallStatus: 'purple',
          ivaOpen: 'ja',
          level: 'Kris',
          beds: 12.5,
          occupancy: 87.25,
          since: '2024-13-01',
          note: 42,
        },
        'draft',
      ),
      {
        overallStatus: 'Välj en status som finns på händelsens skala.',
        ivaOpen: 'Svara ja eller nej på "IVA öppen".',
        level: 'Välj ett av alternativen för "Beredskapsläge".',
        beds: 'Ange "Lediga vårdplatser" som ett heltal.',
        occupancy: 'Ange "Beläggning" med högst 1 decimaler.',
        since: 'Ange "Sedan" som ett datum, till exempel 2024-11-05.',
        note: 'Skriv "Övrigt" som text.',
      },
    );
    assert.deepEqual(messages({ beds: 'tolv' }, 'draft'), {
      beds: 'Ange "Lediga vårdplatser" som ett tal, till exempel 12 eller 12,5.',
    });
    assert.deepEqual(messages({ colour: 'blå' }, 'draft'), {
      '(form)': 'Formuläret har inget fält colour.',
    });
  });

  it('requires every required field on submit, and "uppgift saknas" answers one', () => {
    assert.deepEqual(messages({ bullets: '   ' }, 'submit'), {
      overallStatus:
        'Fyll i "Övergripande status" innan lägesbilden skickas in, eller markera "Uppgift saknas".',
      prognosis:
        'Fyll i "Prognos för kommande period" innan lägesbilden skickas in, eller markera "Uppgift saknas".',
      ivaOpen: 'Fyll i "IVA öppen" innan lägesbilden skickas in, eller markera "Uppgift saknas".',
      beds: 'Fyll i "Lediga vårdplatser" innan lägesbilden skickas in, eller markera "Uppgift saknas".',
    });
    assert.deepEqual(messages(complete, 'submit'), {});
    const notAvailable = { notAvailable: true };
    assert.deepEqual(
      messages(
        {
          overallStatus: notAvailable,
          prognosis: notAvailable,
          ivaOpen: false,
          beds: notAvailable,
        },
        'submit',
      ),
      {},
    );
    assert.deepEqual(messages({ ...complete, beds: { notAvailable: false } }, 'submit'), {
      beds: 'Ange "Lediga vårdplatser" som ett tal, till exempel 12 eller 12,5.',
    });
  });
});

describe("the key figures a return's number fields feed", () => {
  it('gives the value, "uppgift saknas" without a value (never 0), and nothing unanswered', () => {
    const answers = { beds: 12, occupancy: { notAvailable: true as const } };
    assert.deepEqual(fieldFigures(fields, answers), [
      { key: 'beds', name: 'Lediga vårdplatser', unit: 'st', decimals: 0, value: 12 },
      { key: 'occupancy', name: 'Beläggningsgrad', unit: '%', decimals: 1, value: null },
    ]);
    assert.deepEqual(fieldFigures(fields, { occupancy: 87.5 }), [
      { key: 'occupancy', name: 'Beläggningsgrad', unit: '%', decimals: 1, value: 87.5 },
    ]);
    assert.deepEqual(fieldFigureRows(fields, answers), [
      ['Lediga vårdplatser', '12\u00a0st'],
      ['Beläggningsgrad', 'Uppgift saknas'],
    ]);
  });

  it('shows the event\'s own fields and any "uppgift saknas" as label → answer', () => {
    const blocks = answerBlocks(fields, {
      overallStatus: 'red',
      prognosis: { notAvailable: true },
      ivaOpen: false,
      level: 'Stab',
      beds: 3,
      since: '2024-11-05',
      note: { notAvailable: true },
    });
    assert.deepEqual(blocks, [
      {
        type: 'table',
        columns: [
          { label: 'Uppgift', align: 'left' },
          { label: 'Svar', align: 'left' },
        ],
        rows: [
          ['Prognos för kommande period', 'Uppgift saknas'],
          ['IVA öppen', 'Nej'],
          ['Beredskapsläge', 'Stab'],
          ['Sedan', '2024-11-05'],
          ['Övrigt', 'Uppgift saknas'],
        ],
      },
    ]);
    assert.deepEqual(answerBlocks(defaultReturnForm(), { overallStatus: 'red', bullets: 'x' }), []);
  });
});
