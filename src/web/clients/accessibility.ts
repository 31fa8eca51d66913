// What the accessibility statement needs from the installation (src/server/accessibility/).
import type { AccessibilitySettings } from '../../contract/accessibility.ts';
import { request } from '../api.ts';

export const accessibilityApi = {
  settings: () => request<AccessibilitySettings>('GET', '/api/accessibility'),
};
