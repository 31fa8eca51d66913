// Where a new event takes its shape from: the standard, a set-up of the library, or a copy of an
// earlier event. Only a system admin creates events, so both lists are theirs to read.
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../kit/forms.tsx';
import { useLoad } from '../../useLoad.ts';
import { eventsApi } from '../../clients/events.ts';
import { setupsApi } from '../../clients/setups.ts';
import type { EventOrigin } from '../../../contract/events.ts';

export type OriginChoice = { from: 'standard' | 'setup' | 'event'; id: string };

export const standardOrigin: OriginChoice = { from: 'standard', id: '' };

/** The request's `origin`, or the id of the field that still lacks a choice. */
export function originOf(
  choice: OriginChoice,
): { origin: EventOrigin } | { missing: 'origin-setup' | 'origin-event' } {
  if (choice.from === 'standard') return { origin: { from: 'standard' } };
  if (!choice.id) return { missing: choice.from === 'setup' ? 'origin-setup' : 'origin-event' };
  return choice.from === 'setup'
    ? { origin: { from: 'setup', setupId: Number(choice.id) } }
    : { origin: { from: 'event', eventId: Number(choice.id) } };
}

export function EventOriginField({
  choice,
  onChange,
  errors,
}: {
  choice: OriginChoice;
  onChange: (choice: OriginChoice) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const setups = useLoad(() => setupsApi.list(), []);
  const events = useLoad(() => eventsApi.list(), []);
  const choose = { value: '', label: t('setups.origin.choose') };

  function radio(from: OriginChoice['from'], hint?: string) {
    return (
      <div className="radio">
        <input
          type="radio"
          id={`origin-${from}-radio`}
          name="origin"
          checked={choice.from === from}
          onChange={() => onChange({ from, id: '' })}
          aria-describedby={hint ? `origin-${from}-hint` : undefined}
        />
        <label htmlFor={`origin-${from}-radio`}>{t(`setups.origin.${from}`)}</label>
        {hint && (
          <p className="radio__hint hint" id={`origin-${from}-hint`}>
            {hint}
          </p>
        )}
      </div>
    );
  }

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend fieldset__legend--m">{t('setups.origin.legend')}</legend>
      {radio('standard', t('setups.origin.standardHint'))}
      {radio('setup')}
      {choice.from === 'setup' && (
        <SelectField
          id="origin-setup"
          label={t('setups.origin.setupChoice')}
          value={choice.id}
          error={errors['origin-setup']}
          options={[
            choose,
            ...(setups.data?.items ?? []).map((setup) => ({
              value: String(setup.id),
              label: setup.name,
            })),
          ]}
          onChange={(id) => onChange({ from: 'setup', id })}
        />
      )}
      {radio('event', t('setups.origin.eventHint'))}
      {choice.from === 'event' && (
        <SelectField
          id="origin-event"
          label={t('setups.origin.eventChoice')}
          value={choice.id}
          error={errors['origin-event']}
          options={[
            choose,
            ...(events.data?.items ?? []).map((event) => ({
              value: String(event.id),
              label: event.name,
            })),
          ]}
          onChange={(id) => onChange({ from: 'event', id })}
        />
      )}
    </fieldset>
  );
}
