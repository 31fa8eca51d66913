// Which text colour reads on a coloured tag: WCAG 2 relative luminance and contrast ratio.

export type TextColour = '#000000' | '#ffffff';

/** WCAG AA for normal text. */
export const minimumContrast = 4.5;

function channel(value: number): number {
  const fraction = value / 255;
  return fraction <= 0.04045 ? fraction / 12.92 : ((fraction + 0.055) / 1.055) ** 2.4;
}

/** The relative luminance of a "#rrggbb" colour, 0 (black) to 1 (white). */
export function luminance(colour: string): number {
  const [red, green, blue] = [1, 3, 5].map((start) =>
    channel(parseInt(colour.slice(start, start + 2), 16)),
  );
  return 0.2126 * red! + 0.7152 * green! + 0.0722 * blue!;
}

export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a);
  return (lighter! + 0.05) / (darker! + 0.05);
}

/**
 * Black or white, whichever contrasts more with the colour. The better of the two always reaches
 * at least 4.58:1, above WCAG AA's 4.5:1, so every colour can carry text.
 */
export function textColourOn(colour: string): TextColour {
  return contrastRatio(colour, '#000000') >= contrastRatio(colour, '#ffffff')
    ? '#000000'
    : '#ffffff';
}
