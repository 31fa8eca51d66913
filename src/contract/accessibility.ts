import { z } from 'zod';

/** GET /api/accessibility: what the accessibility statement needs from the installation. */
export const accessibilitySettings = z.object({
  /** Where people report problems (ACCESSIBILITY_CONTACT); null until the installation sets it. */
  contactEmail: z.email().nullable(),
});
export type AccessibilitySettings = z.infer<typeof accessibilitySettings>;
