import type { Role } from './access.ts';

/** What each role is called, on the screens and in a report's trust section, in both languages. */
export const roleNames: Record<'sv' | 'en', Record<Role, string>> = {
  sv: {
    admin: 'Administratör',
    staff: 'Stab',
    unit_reporter: 'Enhetsrapportör',
    communicator: 'Kommunikatör',
    approver: 'Godkännare',
    reader: 'Läsare',
    designer: 'Mallredaktör',
  },
  en: {
    admin: 'Administrator',
    staff: 'Staff',
    unit_reporter: 'Unit reporter',
    communicator: 'Communicator',
    approver: 'Approver',
    reader: 'Reader',
    designer: 'Template designer',
  },
};
