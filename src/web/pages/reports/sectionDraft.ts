// The local draft of a report section: kept in localStorage until the server has the text.

export interface LocalDraft {
  text: string;
  internal: boolean;
  baseVersion: number;
  at: string;
}

export const draftKey = (reportId: number, sectionId: number) =>
  `lagesbild.reportSectionDraft.${reportId}.${sectionId}`;

export function readDraft(key: string): LocalDraft | null {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, draft: LocalDraft | null): void {
  try {
    if (draft) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the warning before leaving still protects the text.
  }
}
