// The merge view when someone else saved a section first: both texts, line by line.
import { diffLines } from 'diff';

/** Both texts in one, line by line: what both have once, then what only one of them has. */
export function combineTexts(theirs: string, mine: string): string {
  const withEnd = (text: string) => (text.endsWith('\n') ? text : text + '\n');
  return diffLines(withEnd(theirs), withEnd(mine))
    .map((part) => part.value)
    .join('')
    .replace(/\n$/, '');
}

/** A text line by line; lines the other version lacks are marked with a sign and a word. */
export function LineDiff({ text, other, label }: { text: string; other: string; label: string }) {
  const otherLines = new Set(other.split('\n').map((line) => line.trim()));
  const lines = text.split('\n');
  return (
    <div className="line-diff">
      {lines.map((line, index) => {
        const only = line.trim() !== '' && !otherLines.has(line.trim());
        return (
          <p
            key={index}
            className={only ? 'line-diff__line line-diff__line--only' : 'line-diff__line'}
          >
            {only && (
              <span className="line-diff__mark" aria-hidden="true">
                ±
              </span>
            )}
            {only && <span className="visually-hidden">{label}: </span>}
            {line || '\u00a0'}
          </p>
        );
      })}
    </div>
  );
}
