// Beredskapsläge: the level in force for the event and each unit, the staff's form to change one
// with a reason and the decision behind it, and the history of changes.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { EventPage } from '../../kit/eventPage.tsx';
import { type FieldSpec, type Values, str } from '../../kit/fieldSpec.tsx';
import { hintShownOf, useEventList } from '../../kit/lists.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { DataTable, ListBesideForm } from '../../kit/recordList.tsx';
import { Loading } from '../../kit/layout.tsx';
import { LoadError } from '../../kit/loadError.tsx';
import { InternalTag } from '../../kit/status.tsx';
import { formatDate, formatShort } from '../../format.ts';
import type {
  ReadinessChange,
  ReadinessLevel,
  ReadinessOverview,
  ReadinessState,
} from '../../../contract/readiness.ts';
import { decisionsApi } from '../../clients/decisions.ts';
import { readinessApi, readinessLevels } from '../../clients/readiness.ts';
import { ReadinessTag } from '../events/UnitGrid.tsx';

const eventScope = 'event';

function scopeName(overview: ReadinessOverview, unitId: number | null, wholeEvent: string) {
  if (unitId === null) return wholeEvent;
  const unit = overview.units.find((candidate) => candidate.unitId === unitId);
  return unit ? `${unit.name} (${unit.code})` : String(unitId);
}

/** The version of the level in force for a scope ('event' or a unit's id), which a change names. */
function currentVersion(overview: ReadinessOverview, scope: string): number {
  if (scope === eventScope) return overview.event.version;
  return overview.units.find((unit) => String(unit.unitId) === scope)?.version ?? 0;
}

export function ReadinessPage() {
  const { t } = useTranslation();
  const eventId = Number(useParams().eventId);
  const [saved, setSaved] = useState('');
  // The scope of the last change sent: a 409 answers that scope's level in force.
  const sentScope = useRef(eventScope);
  const overview = useEventList(eventId, () => readinessApi.overview(eventId, 200), []);
  const decisions = useEventList(eventId, () => decisionsApi.list(eventId, { limit: 500 }), []);
  const data = overview.data;

  const fields: FieldSpec[] = [
    {
      name: 'scope',
      label: t('readiness.scope'),
      hint: t('readiness.scopeHint'),
      kind: 'select',
      options: [
        { value: eventScope, label: t('readiness.wholeEvent') },
        ...(data?.units ?? []).map((unit) => ({
          value: String(unit.unitId),
          label: `${unit.name} (${unit.code})`,
        })),
      ],
    },
    {
      name: 'level',
      label: t('readiness.newLevel'),
      kind: 'select',
      options: readinessLevels.map((level) => ({
        value: level,
        label: t(`readinessLevel.${level}`),
      })),
    },
    { name: 'reason', label: t('readiness.reasonLabel'), kind: 'textarea', required: true },
    {
      name: 'decisionId',
      label: t('readiness.decision'),
      hint: hintShownOf(t('readiness.decisionHint'), t, decisions.data),
      kind: 'select',
      required: false,
      options: [
        { value: '', label: t('readiness.noDecision') },
        ...(decisions.data?.items ?? []).map((decision) => ({
          value: String(decision.id),
          label: `${formatDate(decision.decidedAt)} ${decision.forum}: ${decision.text.slice(0, 80)}`,
        })),
      ],
    },
    {
      name: 'internal',
      label: t('picture.internalLabel'),
      hint: t('picture.internalHint'),
      kind: 'checkbox',
    },
  ];
  const initial: Values = {
    scope: eventScope,
    level: 'stabsläge',
    reason: '',
    decisionId: '',
    internal: false,
  };

  return (
    <EventPage eventId={eventId} title={t('readiness.title')} intro={t('readiness.intro')}>
      {(_event, can) => (
        <ListBesideForm
          headingId="readiness-current-title"
          heading={t('readiness.currentTitle')}
          showForm={can('readiness.write') && !!data}
          saved={saved}
          form={
            data && (
              <RecordForm<Pick<ReadinessState, 'level' | 'reason' | 'version'>>
                key={`readiness-${data.history[0]?.id ?? 0}`}
                id="readiness-form"
                title={t('readiness.formTitle')}
                fields={fields}
                initial={initial}
                toValues={(current) => ({
                  ...initial,
                  scope: sentScope.current,
                  level: current.level,
                  reason: current.reason ?? '',
                })}
                save={(values, version) => {
                  const scope = str(values.scope);
                  sentScope.current = scope;
                  return readinessApi.set(eventId, scope === eventScope ? null : Number(scope), {
                    version: version ?? currentVersion(data, scope),
                    level: str(values.level) as ReadinessLevel,
                    reason: str(values.reason),
                    decisionId: str(values.decisionId) ? Number(values.decisionId) : null,
                    internal: values.internal === true,
                  });
                }}
                submitLabel={t('readiness.submit')}
                onSaved={() => {
                  setSaved(t('readiness.saved'));
                  void overview.reload();
                }}
              />
            )
          }
        >
          {overview.error ? (
            <LoadError error={overview.error} retry={overview.reload} />
          ) : !data ? (
            <Loading />
          ) : (
            <>
              <CurrentLevels overview={data} />
              <History overview={data} />
            </>
          )}
        </ListBesideForm>
      )}
    </EventPage>
  );
}

function CurrentLevels({ overview }: { overview: ReadinessOverview }) {
  const { t } = useTranslation();
  const rows = [
    { key: eventScope, name: t('readiness.wholeEvent'), depth: 0, ...overview.event },
    ...overview.units.map((unit) => ({
      ...unit,
      key: String(unit.unitId),
      name: `${unit.name} (${unit.code})`,
    })),
  ];
  return (
    <DataTable
      labelledBy="readiness-current-title"
      caption={t('readiness.currentTitle')}
      columns={[
        t('readiness.scope'),
        t('readiness.level'),
        t('readiness.since'),
        t('readiness.reason'),
      ]}
    >
      {rows.map((row) => (
        <tr key={row.key}>
          <th
            scope="row"
            style={row.depth > 0 ? { paddingInlineStart: `${row.depth * 1.25}rem` } : undefined}
          >
            {row.name}
          </th>
          <td>
            <ReadinessTag level={row.level} />
          </td>
          <td>{row.since ? formatShort(row.since) : t('readiness.notSet')}</td>
          <td className="pre-line">{row.reason ?? '–'}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function History({ overview }: { overview: ReadinessOverview }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="readiness-history-title">
      <h2 id="readiness-history-title">{t('readiness.historyTitle')}</h2>
      {overview.history.length === 0 ? (
        <p>{t('readiness.noHistory')}</p>
      ) : (
        <DataTable
          labelledBy="readiness-history-title"
          caption={t('readiness.historyTitle')}
          columns={[
            t('readiness.when'),
            t('readiness.scope'),
            t('readiness.level'),
            t('readiness.reason'),
            t('readiness.decision'),
            t('readiness.by'),
          ]}
        >
          {overview.history.map((change) => (
            <HistoryRow key={change.id} change={change} overview={overview} />
          ))}
        </DataTable>
      )}
    </section>
  );
}

function HistoryRow({
  change,
  overview,
}: {
  change: ReadinessChange;
  overview: ReadinessOverview;
}) {
  const { t } = useTranslation();
  return (
    <tr>
      <td className="nowrap">{formatShort(change.changedAt)}</td>
      <td>{scopeName(overview, change.unitId, t('readiness.wholeEvent'))}</td>
      <td>
        <ReadinessTag level={change.level} /> {change.internal && <InternalTag />}
      </td>
      <td className="pre-line">{change.reason}</td>
      <td>
        {change.decision
          ? `${formatDate(change.decision.decidedAt)} ${change.decision.forum}: ${change.decision.text}`
          : '–'}
      </td>
      <td>{change.changedBy?.name ?? '–'}</td>
    </tr>
  );
}
