// Units and their facilities (system admin).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldSpec, type Values, str } from '../../kit/fieldSpec.tsx';
import { Loading } from '../../kit/layout.tsx';
import { Notice } from '../../kit/messages.tsx';
import { RecordForm } from '../../kit/recordForm.tsx';
import { useLoad } from '../../useLoad.ts';
import { LoadError } from '../../kit/loadError.tsx';
import { SystemAdminPage } from './AdminFrame.tsx';
import type { Facility, Unit } from '../../../contract/units.ts';
import { unitKinds } from '../../clients/event-units.ts';
import { unitsApi } from '../../clients/units.ts';

const facilityKinds = ['emergency_department', 'ward', 'other'] as const;

type Mode =
  | { kind: 'none' }
  | { kind: 'unit'; item: Unit | null }
  | { kind: 'facility'; item: Facility | null; unitId: number | null };

export function UnitsPage() {
  const { t } = useTranslation();
  const data = useLoad(() => Promise.all([unitsApi.list(), unitsApi.facilities()]), []);
  const [mode, setMode] = useState<Mode>({ kind: 'unit', item: null });
  const [message, setMessage] = useState('');
  const [units, facilities] = data.data ?? [null, null];

  const unitFields: FieldSpec[] = [
    {
      name: 'code',
      label: t('admin.units.code'),
      hint: t('admin.units.codeHint'),
      kind: 'text',
      required: true,
      width: 'quarter',
    },
    { name: 'name', label: t('admin.units.name'), kind: 'text', required: true },
    {
      name: 'shortName',
      label: t('eventUnits.shortName'),
      hint: t('eventUnits.shortNameHint'),
      kind: 'text',
      width: 'half',
    },
    {
      name: 'kind',
      label: t('admin.units.kind'),
      kind: 'select',
      options: unitKinds.map((value) => ({ value, label: t(`eventUnits.kinds.${value}`) })),
    },
    {
      name: 'parentId',
      label: t('admin.units.parent'),
      kind: 'select',
      options: [
        { value: '', label: t('admin.units.noParent') },
        ...(units?.items ?? []).map((unit) => ({ value: String(unit.id), label: unit.name })),
      ],
    },
  ];
  const facilityFields: FieldSpec[] = [
    ...(mode.kind === 'facility' && mode.item
      ? []
      : [
          {
            name: 'unitId',
            label: t('admin.units.ofUnit'),
            kind: 'select' as const,
            required: true,
            options: [
              { value: '', label: t('admin.access.chooseUnit') },
              ...(units?.items ?? []).map((unit) => ({ value: String(unit.id), label: unit.name })),
            ],
          },
        ]),
    { name: 'code', label: t('admin.units.code'), kind: 'text', required: true, width: 'quarter' },
    { name: 'name', label: t('admin.units.name'), kind: 'text', required: true },
    {
      name: 'kind',
      label: t('admin.units.kind'),
      kind: 'select',
      options: facilityKinds.map((value) => ({
        value,
        label: t(`admin.units.facilityKinds.${value}`),
      })),
    },
  ];
  const done = (text: string) => {
    setMessage(text);
    setMode({ kind: 'unit', item: null });
    void data.reload();
  };

  return (
    <SystemAdminPage title={t('admin.units.title')}>
      <div role="status" aria-live="polite">
        {message && <Notice kind="success">{message}</Notice>}
      </div>
      {data.error ? (
        <LoadError error={data.error} retry={data.reload} />
      ) : !units || !facilities ? (
        <Loading />
      ) : (
        <div className="picture-layout">
          <div className="picture-layout__form">
            <div className="button-group button-group--tight">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setMode({ kind: 'unit', item: null })}
              >
                {t('admin.units.newUnit')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setMode({ kind: 'facility', item: null, unitId: null })}
              >
                {t('admin.units.newFacility')}
              </button>
            </div>
            {mode.kind === 'unit' && (
              <RecordForm<Unit>
                key={mode.item ? `unit-${mode.item.id}` : 'unit-new'}
                id="unit-form"
                title={
                  mode.item
                    ? t('admin.units.editUnit', { name: mode.item.name })
                    : t('admin.units.newUnit')
                }
                fields={unitFields}
                initial={{ code: '', name: '', shortName: '', kind: 'hospital', parentId: '' }}
                editing={mode.item}
                toValues={(unit): Values => ({
                  code: unit.code,
                  name: unit.name,
                  shortName: unit.shortName,
                  kind: unit.kind,
                  parentId: unit.parentId ? String(unit.parentId) : '',
                })}
                save={(values, version) => {
                  const body = {
                    code: str(values.code).trim(),
                    name: str(values.name),
                    shortName: str(values.shortName).trim(),
                    kind: str(values.kind),
                    parentId: str(values.parentId) ? Number(values.parentId) : null,
                  };
                  return mode.item
                    ? unitsApi.update(mode.item.id, { version, ...body })
                    : unitsApi.create(body);
                }}
                submitLabel={mode.item ? t('picture.form.save') : t('admin.units.addUnit')}
                onSaved={(unit) => done(t('admin.units.saved', { name: unit.name }))}
                {...(mode.item && { onCancel: () => setMode({ kind: 'unit', item: null }) })}
              />
            )}
            {mode.kind === 'facility' && (
              <RecordForm<Facility>
                key={mode.item ? `facility-${mode.item.id}` : `facility-new-${mode.unitId ?? ''}`}
                id="facility-form"
                title={
                  mode.item
                    ? t('admin.units.editFacility', { name: mode.item.name })
                    : t('admin.units.newFacility')
                }
                fields={facilityFields}
                initial={{
                  unitId: mode.unitId ? String(mode.unitId) : '',
                  code: '',
                  name: '',
                  kind: 'emergency_department',
                }}
                editing={mode.item}
                toValues={(facility): Values => ({
                  code: facility.code,
                  name: facility.name,
                  kind: facility.kind,
                })}
                save={(values, version) => {
                  const body = {
                    code: str(values.code).trim(),
                    name: str(values.name),
                    kind: str(values.kind),
                  };
                  return mode.item
                    ? unitsApi.updateFacility(mode.item.id, { version, ...body })
                    : unitsApi.createFacility(Number(values.unitId), body);
                }}
                submitLabel={mode.item ? t('picture.form.save') : t('admin.units.addFacility')}
                onSaved={(facility) => done(t('admin.units.saved', { name: facility.name }))}
                onCancel={() => setMode({ kind: 'unit', item: null })}
              />
            )}
          </div>
          <section className="picture-layout__list" aria-labelledby="units-list-title">
            <h2 id="units-list-title">{t('admin.units.listTitle')}</h2>
            <div
              className="table-wrap"
              tabIndex={0}
              role="group"
              aria-labelledby="units-list-title"
            >
              <table className="table table--dense">
                <caption className="visually-hidden">{t('admin.units.listTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('admin.units.code')}</th>
                    <th scope="col">{t('admin.units.name')}</th>
                    <th scope="col">{t('admin.units.kind')}</th>
                    <th scope="col">{t('admin.units.facilities')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('picture.form.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {units.items.map((unit) => {
                    const own = facilities.items.filter((facility) => facility.unitId === unit.id);
                    const parent = units.items.find((item) => item.id === unit.parentId);
                    return (
                      <tr key={unit.id}>
                        <td>
                          <code>{unit.code}</code>
                        </td>
                        <th scope="row">
                          {unit.name}
                          {parent && (
                            <span className="small muted block">
                              {t('admin.units.partOf', { name: parent.name })}
                            </span>
                          )}
                        </th>
                        <td>{t(`eventUnits.kinds.${unit.kind}`)}</td>
                        <td>
                          {own.length === 0 ? (
                            '–'
                          ) : (
                            <ul className="plain-list">
                              {own.map((facility) => (
                                <li key={facility.id}>
                                  {facility.name} <code>{facility.code}</code>{' '}
                                  <span className="small muted">
                                    (
                                    {t(`admin.units.facilityKinds.${facility.kind}`, {
                                      defaultValue: facility.kind,
                                    })}
                                    )
                                  </span>{' '}
                                  <button
                                    type="button"
                                    className="link-button small"
                                    onClick={() =>
                                      setMode({ kind: 'facility', item: facility, unitId: unit.id })
                                    }
                                  >
                                    {t('picture.form.edit')}
                                    <span className="visually-hidden">: {facility.name}</span>
                                  </button>
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td className="actions-cell">
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => setMode({ kind: 'unit', item: unit })}
                          >
                            {t('picture.form.edit')}
                            <span className="visually-hidden">: {unit.name}</span>
                          </button>{' '}
                          <button
                            type="button"
                            className="link-button"
                            onClick={() =>
                              setMode({ kind: 'facility', item: null, unitId: unit.id })
                            }
                          >
                            {t('admin.units.addFacilityShort')}
                            <span className="visually-hidden">: {unit.name}</span>
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      )}
    </SystemAdminPage>
  );
}
