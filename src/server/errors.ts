/**
 * One error type for the whole server. `code` is stable for clients; `message` is for people
 * (Swedish, the users' language); `details` says which field or which current version.
 */
export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  password_change_required: 403,
  second_factor_enrolment_required: 403,
  step_up_required: 403,
  local_login_disabled: 403,
  sign_on_failed: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  wrong_state: 409,
  event_closed: 409,
  checklist_incomplete: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  internal: 500,
  integrity_failed: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const errors = {
  badRequest: (message: string, details?: unknown) => new AppError('bad_request', message, details),
  unauthenticated: () => new AppError('unauthenticated', 'Du behöver logga in.'),
  invalidCredentials: () =>
    new AppError('invalid_credentials', 'Fel e-postadress eller lösenord.', { field: 'password' }),
  localLoginDisabled: () =>
    new AppError(
      'local_login_disabled',
      'Inloggning med lösenord är avstängd. Logga in med regionens konto.',
    ),
  signOnFailed: (message: string) => new AppError('sign_on_failed', message),
  secondFactorEnrolmentRequired: () =>
    new AppError(
      'second_factor_enrolment_required',
      'Du måste slå på tvåstegsverifiering innan du fortsätter.',
    ),
  stepUpRequired: () =>
    new AppError(
      'step_up_required',
      'Bekräfta att det är du: ange en kod från appen eller en reservkod, eller använd din säkerhetsnyckel.',
      { field: 'code' },
    ),
  wrongSecondFactorCode: () =>
    new AppError('invalid_credentials', 'Koden stämmer inte eller har redan använts.', {
      field: 'code',
    }),
  secondFactorExpired: () =>
    new AppError('unauthenticated', 'Inloggningen har gått ut. Logga in med lösenordet igen.'),
  passwordChangeRequired: () =>
    new AppError('password_change_required', 'Du måste byta lösenord innan du fortsätter.'),
  forbidden: (permission: string) =>
    new AppError('forbidden', 'Du har inte behörighet till detta.', { permission }),
  ownReportApproval: () =>
    new AppError(
      'forbidden',
      'Du kan inte godkänna en rapport som bara du har skrivit. En annan godkännare behövs (fyra ögon).',
      { permission: 'report.four_eyes' },
    ),
  tokenScopeMissing: (scopes: readonly string[]) =>
    new AppError(
      'forbidden',
      'API-nyckeln har inte behörighet till detta. Skapa en nyckel med rätt behörighet.',
      { tokenScopes: scopes },
    ),
  csrfFailed: () =>
    new AppError(
      'csrf_failed',
      'Begäran saknar giltig CSRF-token. Ladda om sidan och försök igen.',
    ),
  notFound: (what: string) => new AppError('not_found', `${what} finns inte.`),
  conflict: (current: unknown) =>
    new AppError(
      'conflict',
      'Någon annan har ändrat detta sedan du läste det. Din ändring sparades inte; jämför med den aktuella versionen.',
      { current },
    ),
  /** The request is well formed but the item is not in a state that allows it (409, never 400). */
  wrongState: (message: string, details?: unknown) => new AppError('wrong_state', message, details),
  concurrentDuplicate: () =>
    new AppError(
      'conflict',
      'Det här finns redan: någon sparade samma sak samtidigt. Din ändring sparades inte; ladda om och se vad som gäller.',
    ),
  eventClosed: () => new AppError('event_closed', 'Händelsen är avslutad och kan bara läsas.'),
  checklistIncomplete: (failing: unknown[]) =>
    new AppError(
      'checklist_incomplete',
      'Händelsen kan inte avslutas förrän alla punkter i avslutslistan är uppfyllda. Åtgärda det som saknas eller avsluta ändå med en motivering.',
      { checklist: failing },
    ),
  tooManyRequests: (retryAfterSeconds: number) =>
    new AppError(
      'too_many_requests',
      'För många misslyckade inloggningsförsök. Vänta en stund och försök igen.',
      { retryAfterSeconds },
    ),
  snapshotAltered: () =>
    new AppError(
      'integrity_failed',
      'Rapporten kan inte visas: den sparade texten stämmer inte med kontrollsumman från publiceringen och kan ha ändrats. Felet är loggat; kontakta systemförvaltningen.',
    ),
  /** The installation's key does not open a stored TOTP secret (a lost or exchanged key file). */
  secretKeyMismatch: () =>
    new AppError(
      'internal',
      'Koden kan inte kontrolleras: servern saknar den nyckel som tvåstegsverifieringen sparades med. Använd en reservkod, eller be administratören återställa nyckelfilen eller nollställa din tvåstegsverifiering.',
      { field: 'code' },
    ),
  unavailable: () =>
    new AppError(
      'unavailable',
      'Databasen går inte att nå just nu. Försök igen om en liten stund.',
    ),
};
