import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderEmail } from '../../src/render/email.ts';
import { reportFixture } from './fixture.ts';
import { activeContentProblems } from './helpers.ts';

describe('e-mail of a published report', () => {
  const snapshot = reportFixture();
  const email = renderEmail(snapshot, { reportUrl: 'https://lagesbild.example.se/rapporter/412' });

  it('has a subject that names the report and flags the internal version', () => {
    assert.equal(email.subject, '[INTERN VERSION] Regional rapport vecka 45');
    const exercise = reportFixture();
    exercise.event.isExercise = true;
    exercise.report.audience = 'public';
    assert.equal(renderEmail(exercise).subject, '[ÖVNING] Regional rapport vecka 45');
  });

  it('has self-contained HTML: CSS in the document, no script, no remote images or SVG', () => {
    assert.match(email.html, /<style>/);
    assert.doesNotMatch(email.html, /<link |<script|<img|<svg/i);
    assert.deepEqual(activeContentProblems(email.html), []);
    assert.match(
      email.html,
      /<a href="https:\/\/lagesbild\.example\.se\/rapporter\/412" rel="noopener">/,
    );
  });

  it('has a plain-text part without HTML tags, readable in any mail client', () => {
    assert.doesNotMatch(email.text, /<\/?[a-z][^>]*>/i);
    assert.match(
      email.text,
      /^Regional rapport vecka 45\n=+\n\nSammanställd: 2024-11-05 klockan 17:30/,
    );
    assert.match(
      email.text,
      /Läs rapporten på webben: https:\/\/lagesbild\.example\.se\/rapporter\/412/,
    );
    assert.match(email.text, /^Södra Älvsborgs Sjukhus lägesbild vecka 45\n-+$/m);
    assert.match(email.text, /^- Slutenvården är hårt belastad/m);
    assert.match(email.text, /^OBSERVERA: Närhälsan har inte rapporterat för vecka 46/m);
    assert.match(email.text, /^Beläggningsgrad\s+87 % \(\+3\)\s+92 % \(−1\)\s+95 % \(\+2\)$/m);
    assert.match(email.text, /Kontakta samordningsstaben: mailto:stab@example\.se/);
  });
});
