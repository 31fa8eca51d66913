// The signed-in user's API tokens (/api-tokens): issue one with chosen scopes and an expiry, see
// its secret once with a copy button, list them and revoke one.
import { DateField } from '../../kit/dateField.tsx';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken, CreatedApiToken } from '../../../contract/users.ts';
import { tokenScopes, tokensApi } from '../../clients/users.ts';
import { type FormErrors, clientErrors, formErrorsFrom, noErrors } from '../../errors.ts';
import { formatDate, formatDateTime, stockholmLocalToIso, stockholmToday } from '../../format.ts';
import { type Values, Field } from '../../kit/fieldSpec.tsx';
import { ErrorSummary, TextField } from '../../kit/forms.tsx';
import { PageHeading, usePageTitle } from '../../kit/layout.tsx';
import { Notice, SavedNotice, errorText } from '../../kit/messages.tsx';
import { DataTable, ListBody, RowButton } from '../../kit/recordList.tsx';
import { useLoad } from '../../useLoad.ts';

/** i18next reads ':' as a namespace separator: each scope's text has a key of its own. */
const scopeKeys: Record<ApiToken['scopes'][number], string> = {
  'picture:read': 'pictureRead',
  'reports:read': 'reportsRead',
  'figures:push': 'figuresPush',
  'calendar:subscribe': 'calendarSubscribe',
  '*': 'all',
};

const fieldIds = { name: 'token-name', scopes: 'token-scopes', expiresAt: 'token-expires' };
const defaultValidDays = 90;

/** The date `days` after today in Stockholm, as a date input's value. */
function dateInDays(days: number): string {
  const [year, month, day] = stockholmToday().split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10);
}

export function ApiTokensPage() {
  const { t } = useTranslation();
  usePageTitle(t('tokens.title'));
  const tokens = useLoad(() => tokensApi.list(), []);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [message, setMessage] = useState('');

  async function revoke(token: ApiToken) {
    if (!window.confirm(t('tokens.confirmRevoke', { name: token.name }))) return;
    try {
      await tokensApi.revoke(token.id);
      setMessage(t('tokens.revoked', { name: token.name }));
    } catch (failure) {
      setMessage(errorText(failure, t));
    }
    await tokens.reload();
  }

  return (
    <div className="picture-page">
      <PageHeading>{t('tokens.title')}</PageHeading>
      <p className="lead">{t('tokens.intro')}</p>
      {created ? (
        <SecretShown token={created} onDone={() => setCreated(null)} />
      ) : (
        <NewTokenForm
          onCreated={(token) => {
            setCreated(token);
            setMessage('');
            void tokens.reload();
          }}
        />
      )}
      <SavedNotice message={message} />
      <section aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t('tokens.listTitle')}</h2>
        <ListBody list={tokens} empty={t('tokens.none')}>
          {(data) => (
            <DataTable
              labelledBy="tokens-title"
              caption={t('tokens.listTitle')}
              actions
              columns={[
                t('tokens.name'),
                t('tokens.scopes'),
                t('tokens.state'),
                t('tokens.created'),
                t('tokens.lastUsed'),
                t('tokens.expires'),
              ]}
            >
              {data.items.map((token) => (
                <TokenRow key={token.id} token={token} onRevoke={() => void revoke(token)} />
              ))}
            </DataTable>
          )}
        </ListBody>
      </section>
    </div>
  );
}

function stateOf(token: ApiToken): 'active' | 'revoked' | 'expired' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) return 'expired';
  return 'active';
}

function TokenRow({ token, onRevoke }: { token: ApiToken; onRevoke: () => void }) {
  const { t } = useTranslation();
  const state = stateOf(token);
  return (
    <tr>
      <th scope="row">{token.name}</th>
      <td>{token.scopes.map((scope) => t(`tokens.scopeNames.${scopeKeys[scope]}`)).join(', ')}</td>
      <td>
        <span className={`tag tag--state ${state === 'active' ? 'tag--accepted' : 'tag--none'}`}>
          {t(`tokens.states.${state}`)}
        </span>
      </td>
      <td>{formatDateTime(token.createdAt)}</td>
      <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('tokens.never')}</td>
      <td>{token.expiresAt ? formatDate(token.expiresAt) : t('tokens.noExpiry')}</td>
      <td>
        {state === 'active' && (
          <RowButton what={token.name} onClick={onRevoke}>
            {t('tokens.revoke')}
          </RowButton>
        )}
      </td>
    </tr>
  );
}

function NewTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [values, setValues] = useState<Values>({ scopes: ['picture:read'] });
  const [expires, setExpires] = useState(() => dateInDays(defaultValidDays));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const scopes = Array.isArray(values.scopes) ? values.scopes : [];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local = clientErrors([
      [fieldIds.name, !name.trim() && t('tokens.nameMissing')],
      [fieldIds.scopes, scopes.length === 0 && t('tokens.scopesMissing')],
      [fieldIds.expiresAt, !expires && t('tokens.expiresMissing')],
    ]);
    if (local.summary.length > 0) {
      setErrors(local);
      return;
    }
    setBusy(true);
    try {
      const token = await tokensApi.create({
        name,
        scopes,
        expiresAt: stockholmLocalToIso(`${expires}T23:59`),
      });
      setErrors(noErrors);
      setName('');
      onCreated(token);
    } catch (failure) {
      setErrors(formErrorsFrom(failure, fieldIds, fieldIds.name));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="new-token-title">
      <h2 id="new-token-title" className="panel__title">
        {t('tokens.newTitle')}
      </h2>
      <ErrorSummary errors={errors.summary} />
      <form id="token-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id={fieldIds.name}
          label={t('tokens.name')}
          hint={t('tokens.nameHint')}
          error={errors.byField[fieldIds.name]}
          width="half"
          value={name}
          onChange={(changed) => setName(changed.target.value)}
        />
        <Field
          formId="token"
          spec={{
            name: 'scopes',
            label: t('tokens.scopes'),
            hint: t('tokens.scopesHint'),
            kind: 'checkboxes',
            options: tokenScopes.map((scope) => ({
              value: scope,
              label: t(`tokens.scopeNames.${scopeKeys[scope]}`),
            })),
          }}
          values={values}
          error={errors.byField[fieldIds.scopes]}
          set={(field, value) => setValues({ ...values, [field]: value })}
        />
        <DateField
          id={fieldIds.expiresAt}
          kind="date"
          label={t('tokens.expiresAt')}
          hint={t('tokens.expiresHint')}
          error={errors.byField[fieldIds.expiresAt]}
          value={expires}
          onChange={setExpires}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('tokens.create')}
        </button>
      </form>
    </section>
  );
}

/** The new token's secret, shown this once, with a copy button. */
function SecretShown({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied(t('tokens.copied'));
    } catch {
      setCopied(t('tokens.copyFailed'));
    }
  }

  return (
    <section className="panel" aria-labelledby="secret-title">
      <h2 id="secret-title" className="panel__title" tabIndex={-1} ref={headingRef}>
        {t('tokens.secretTitle', { name: token.name })}
      </h2>
      <Notice kind="warning">
        <p>{t('tokens.secretOnce')}</p>
      </Notice>
      <p>
        <code className="break" data-testid="token-secret">
          {token.token}
        </code>
      </p>
      <div className="button-group">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('tokens.copy')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('tokens.done')}
        </button>
      </div>
      <p role="status" aria-live="polite">
        {copied}
      </p>
    </section>
  );
}
