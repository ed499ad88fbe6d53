/**
 * The import wizard (issue 15): pick the file → the first rows as they will be read (encoding and
 * separator shown, changeable) → what each column holds (guessed, editable, saved by name) → a dry
 * run row by row → confirm → the result, its rejected rows to download, and the past imports.
 *
 * The kind of list is a parameter (`?kind=`), and the fields a column can hold come from
 * shared/domain/imports.ts (IMPORT_FIELDS): a kind added there appears here without changes.
 * Nothing is written before the confirmation; the run writes all rows or none.
 */
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../../shared/api/contract';
import { IMPORT_ENCODINGS, IMPORT_KINDS, IMPORT_SEPARATORS, NAME_ORDERS, type ImportKind, type ImportMapping } from '../../../shared/domain/imports';
import { LANGUAGES, type Language } from '../../../shared/domain/settings';
import { errorBody } from '../../../shared/api/error-text';
import { useCall, useMutate } from '../../app/api';
import { LANGUAGE_NAMES } from '../../app/LanguageSwitcher';
import { ErrorNotice, fieldText } from '../../ui/ErrorNotice';
import { columnsOf, DataTable } from '../../ui/DataTable';
import { Field } from '../../ui/Field';
import { useFormat } from '../../ui/format';
import { ImportBusy, ImportCounts, ImportHistory, ImportRowsTable, RejectedDownload, type ImportAnswer } from './ImportParts';
import { encodingLabel, fieldLabel, fieldsOf, kindLabel, readAsBase64, separatorLabel, type Encoding, type Separator } from './importText';
import './import.css';

const STEPS = ['file', 'read', 'columns', 'check', 'done'] as const;
type Step = (typeof STEPS)[number];
type Preview = CallOutput<'import.preview'>;
type NameOrder = (typeof NAME_ORDERS)[number];

interface PickedFile {
  fileName: string;
  base64: string;
  size: number;
}

/** A refusal about the file itself (empty, not a spreadsheet, locked…) in words; else the general notice. */
function FileError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const issue = errorBody(error)?.fields?.find((f) => f.path === 'file' || f.path.startsWith('file.'));
  if (!error) return null;
  if (!issue) return <ErrorNotice error={error} />;
  return (
    <div role="alert" className="notice notice-error">
      {fieldText(t, issue.message)}
    </div>
  );
}

export function ImportScreen() {
  const { t, i18n } = useTranslation(['imports', 'common']);
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const asked = params.get('kind');
  const kind: ImportKind = (IMPORT_KINDS as readonly string[]).includes(asked ?? '') ? (asked as ImportKind) : IMPORT_KINDS[0];

  const [step, setStep] = useState<Step>('file');
  const [file, setFile] = useState<PickedFile | null>(null);
  const [encoding, setEncoding] = useState<Encoding | ''>('');
  const [separator, setSeparator] = useState<Separator | ''>('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [columns, setColumns] = useState<Record<string, string>>({});
  const [nameOrder, setNameOrder] = useState<NameOrder>('auto');
  const [language, setLanguage] = useState<Language>(() => ((LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en'));
  const [dry, setDry] = useState<ImportAnswer | null>(null);
  const [result, setResult] = useState<ImportAnswer | null>(null);
  const [readError, setReadError] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [mappingName, setMappingName] = useState('');
  const [pickedMapping, setPickedMapping] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const previewCall = useMutate('import.preview');
  const dryRunCall = useMutate('import.dryRun');
  const runCall = useMutate('import.run');
  const saveMapping = useMutate('import.saveMapping');
  const mappings = useCall('import.mappings', { kind });

  const fields = fieldsOf(kind);
  const go = (next: Step) => setStep(next);
  // The new step's heading takes the focus, so the keyboard and a screen reader start there.
  const shownStep = useRef<Step>('file');
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    headingRef.current?.focus();
  }, [step]);

  const fileInput = (f: PickedFile, enc: Encoding | '' = encoding, sep: Separator | '' = separator) => ({
    fileName: f.fileName,
    base64: f.base64,
    ...(enc ? { encoding: enc } : {}),
    ...(sep ? { separator: sep } : {}),
  });

  const mapping = (): ImportMapping => ({ columns: columns as ImportMapping['columns'], nameOrder, language });

  const readPreview = (f: PickedFile, enc: Encoding | '', sep: Separator | '', fresh: boolean) => {
    previewCall.mutate(
      { kind, file: fileInput(f, enc, sep) },
      {
        onSuccess: (p) => {
          setPreview(p);
          // A new file starts from the guessed mapping; a re-read keeps what was chosen for the columns still there.
          setColumns((old) => {
            const guessed = (p.guessed ?? {}) as Record<string, string>;
            if (fresh) return guessed;
            const kept = Object.fromEntries(Object.entries(old).filter(([h]) => (p.header ?? []).includes(h)));
            return Object.keys(kept).length > 0 ? kept : guessed;
          });
          if (fresh) go('read');
        },
      },
    );
  };

  const pick = async (blob: File | undefined) => {
    if (!blob) return;
    setReadError(false);
    setDry(null);
    setResult(null);
    setEncoding('');
    setSeparator('');
    try {
      const base64 = await readAsBase64(blob);
      const f = { fileName: blob.name, base64, size: blob.size };
      setFile(f);
      readPreview(f, '', '', true);
    } catch {
      setReadError(true);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void pick(e.dataTransfer.files[0]);
  };

  const startOver = () => {
    setFile(null);
    setPreview(null);
    setDry(null);
    setResult(null);
    previewCall.reset();
    dryRunCall.reset();
    runCall.reset();
    if (inputRef.current) inputRef.current.value = '';
    go('file');
  };

  const counts = new Map<string, number>();
  for (const f of Object.values(columns)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const twice = (field: string | undefined) => field !== undefined && (counts.get(field) ?? 0) > 1;
  const mappingOk = Object.keys(columns).length > 0 && ![...counts.values()].some((n) => n > 1);

  const checkRun = () => {
    if (!file) return;
    setDry(null);
    dryRunCall.mutate({ kind, file: fileInput(file), mapping: mapping() }, { onSuccess: (d) => (setDry(d), go('check')) });
  };
  const confirm = () => {
    if (!file) return;
    runCall.mutate({ kind, file: fileInput(file), mapping: mapping() }, { onSuccess: (r) => (setResult(r), go('done')) });
  };

  const header = preview?.header ?? [];
  const samples = (i: number) =>
    (preview?.rows ?? [])
      .map((r) => (r.cells ?? [])[i] ?? '')
      .filter((c) => c.trim() !== '')
      .slice(0, 3);

  return (
    <div className="import-wizard">
      <div className="page-head">
        <h1>{t('imports:title')}</h1>
      </div>
      <ol className="import-steps" aria-label={t('imports:steps.label')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={STEPS.indexOf(step) > i ? 'passed' : undefined}>
            <span className="import-step-n">{format.number(i + 1)}</span> {t(`imports:steps.${s}`)}
          </li>
        ))}
      </ol>

      {step === 'file' ? (
        <section className="card" aria-labelledby="import-step">
          <h2 id="import-step" ref={headingRef} tabIndex={-1}>
            {t('imports:file.title')}
          </h2>
          <p className="field-hint">{t('imports:intro')}</p>
          <div className="form-grid">
            {IMPORT_KINDS.length > 1 ? (
              <Field label={t('imports:kind')}>
                {(p) => (
                  <select {...p} value={kind} onChange={(e) => {
                      // Another kind of list: its own fields and guesses, so the file is read again from the start.
                      setParams({ kind: e.target.value }, { replace: true });
                      startOver();
                    }}
                  >
                    {IMPORT_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {kindLabel(t, k)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              <div className="field">
                <span className="field-label">{t('imports:kind')}</span>
                <strong>{kindLabel(t, kind)}</strong>
              </div>
            )}
          </div>
          <div
            className={`import-drop${dragging ? ' dragging' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={onDrop}
          >
            <Field label={t('imports:file.choose')} hint={t('imports:file.hint')}>
              {(p) => <input {...p} ref={inputRef} type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void pick(e.target.files?.[0])} />}
            </Field>
            <p className="import-drop-text" aria-hidden="true">
              {t('imports:file.drop')}
            </p>
          </div>
          {readError ? (
            <div role="alert" className="notice notice-error">
              {t('common:validation.importLocked')}
            </div>
          ) : null}
          {previewCall.isPending ? <ImportBusy what="reading" /> : null}
          <FileError error={previewCall.error} />
        </section>
      ) : null}

      {step === 'read' && preview && file ? (
        <section className="card" aria-labelledby="import-step">
          <h2 id="import-step" ref={headingRef} tabIndex={-1}>
            {t('imports:read.title')}
          </h2>
          <p>
            <strong>{file.fileName}</strong> · {t('imports:read.rowCount', { count: preview.rowCount ?? 0, n: format.number(preview.rowCount ?? 0) })}
          </p>
          {preview.fileKind === 'xlsx' ? (
            <p className="field-hint">{t('imports:read.xlsx')}</p>
          ) : (
            <div className="form-grid import-read-options">
              <Field label={t('imports:read.encoding')} hint={preview.encodingHow ? t(`imports:read.how.${encoding ? 'given' : preview.encodingHow}`, { defaultValue: '' }) : undefined}>
                {(p) => (
                  <select
                    {...p}
                    value={encoding || preview.encoding || ''}
                    onChange={(e) => {
                      const next = e.target.value as Encoding;
                      setEncoding(next);
                      readPreview(file, next, separator, false);
                    }}
                  >
                    {IMPORT_ENCODINGS.map((x) => (
                      <option key={x} value={x}>
                        {encodingLabel(t, x)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('imports:read.separator')} hint={separator ? t('imports:read.how.given') : t('imports:read.how.found')}>
                {(p) => (
                  <select
                    {...p}
                    value={separator || preview.separator || ';'}
                    onChange={(e) => {
                      const next = e.target.value as Separator;
                      setSeparator(next);
                      readPreview(file, encoding, next, false);
                    }}
                  >
                    {IMPORT_SEPARATORS.map((x) => (
                      <option key={x} value={x}>
                        {separatorLabel(t, x)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
          )}
          {previewCall.isPending ? <ImportBusy what="reading" /> : null}
          <FileError error={previewCall.error} />
          <div className="table-scroll import-preview" tabIndex={0} role="region" aria-label={t('imports:read.caption')}>
            <DataTable
              data={preview.rows ?? []}
              caption={t('imports:read.caption')}
              empty={t('imports:check.none')}
              rowKey={(r) => String(r.row)}
              rowClass={(r) => (r.shape && r.shape !== 'ok' ? 'outcome-row-rejected' : undefined)}
              // The file's first rows in the file's order.
              noSort
              columns={((col) => [
                col(
                  'row',
                  t('imports:check.row'),
                  (r) => (
                    <>
                      {format.number(r.row ?? 0)}
                      {r.shape && r.shape !== 'ok' ? <div className="field-error">{t(`imports:read.shape.${r.shape}`)}</div> : null}
                    </>
                  ),
                  { align: 'num' },
                ),
                ...header.map((h, i) => col(`c${i}`, h, (r) => r.cells?.[i] ?? '')),
              ])(columnsOf(preview.rows))}
            />
          </div>
          <div className="actions">
            <button type="button" onClick={startOver}>
              {t('imports:back')}
            </button>
            <button type="button" className="primary" disabled={previewCall.isPending} onClick={() => go('columns')}>
              {t('imports:read.next')}
            </button>
          </div>
        </section>
      ) : null}

      {step === 'columns' && preview && file ? (
        <section className="card" aria-labelledby="import-step">
          <h2 id="import-step" ref={headingRef} tabIndex={-1}>
            {t('imports:columns.title')}
          </h2>
          <p className="field-hint">{t('imports:columns.hint')}</p>
          {(mappings.data ?? []).length > 0 ? (
            <div className="import-saved-pick">
              <Field label={t('imports:columns.saved')}>
                {(p) => (
                  <select {...p} value={pickedMapping} onChange={(e) => setPickedMapping(e.target.value)}>
                    <option value="">{t('imports:columns.savedNone')}</option>
                    {(mappings.data ?? []).map((m) => (
                      <option key={m.id} value={String(m.id)}>
                        {m.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button
                type="button"
                disabled={pickedMapping === ''}
                onClick={() => {
                  const m = (mappings.data ?? []).find((x) => String(x.id) === pickedMapping)?.mapping;
                  if (!m) return;
                  setColumns(Object.fromEntries(Object.entries(m.columns ?? {}).filter(([h]) => header.includes(h))));
                  if (m.nameOrder) setNameOrder(m.nameOrder);
                  if (m.language) setLanguage(m.language);
                  setMappingName((mappings.data ?? []).find((x) => String(x.id) === pickedMapping)?.name ?? '');
                }}
              >
                {t('imports:columns.apply')}
              </button>
            </div>
          ) : null}
          <div className="table-scroll">
            <DataTable
              className="import-columns"
              data={header}
              caption={t('imports:columns.title')}
              empty={t('imports:check.none')}
              rowKey={(h) => h}
              // The file's columns in the file's order.
              noSort
              columns={((col) => [
                col('column', t('imports:columns.column'), (h) => h, { rowHeader: true }),
                col('examples', t('imports:columns.examples'), (h) => <span className="muted">{samples(header.indexOf(h)).join(' · ')}</span>),
                col('field', t('imports:columns.field'), (h) => {
                  const chosen = columns[h];
                  const guessed = (preview.guessed as Record<string, string> | undefined)?.[h];
                  return (
                    <>
                      <select
                        aria-label={t('imports:columns.fieldOf', { column: h })}
                        aria-invalid={twice(chosen)}
                        value={chosen ?? ''}
                        onChange={(e) =>
                          setColumns((old) => {
                            const next = { ...old };
                            if (e.target.value === '') delete next[h];
                            else next[h] = e.target.value;
                            return next;
                          })
                        }
                      >
                        <option value="">{t('imports:columns.none')}</option>
                        {fields.map((f) => (
                          <option key={f} value={f}>
                            {fieldLabel(t, f)}
                          </option>
                        ))}
                      </select>
                      {twice(chosen) ? (
                        <div className="field-error" role="alert">
                          {t('imports:columns.usedTwice')}
                        </div>
                      ) : chosen && chosen === guessed ? (
                        <div className="field-hint">{t('imports:columns.guessed')}</div>
                      ) : null}
                    </>
                  );
                }),
              ])(columnsOf(header))}
            />
          </div>
          <div className="form-grid">
            {fields.includes('fullName') ? (
              <Field label={t('imports:columns.nameOrder')}>
                {(p) => (
                  <select {...p} value={nameOrder} onChange={(e) => setNameOrder(e.target.value as NameOrder)}>
                    {NAME_ORDERS.map((o) => (
                      <option key={o} value={o}>
                        {t(`imports:columns.nameOrders.${o}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : null}
            <Field label={t('imports:columns.language')} hint={t('imports:columns.languageHint')}>
              {(p) => (
                <select {...p} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
                  {LANGUAGES.map((l) => (
                    <option key={l} value={l} lang={l}>
                      {LANGUAGE_NAMES[l]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <form
            className="import-save-mapping"
            onSubmit={(e) => {
              e.preventDefault();
              saveMapping.mutate({ kind, name: mappingName, mapping: mapping() });
            }}
          >
            <Field label={t('imports:columns.saveName')} error={errorBody(saveMapping.error)?.fields?.[0]?.message}>
              {(p) => (
                <input
                  {...p}
                  value={mappingName}
                  maxLength={100}
                  onChange={(e) => {
                    setMappingName(e.target.value);
                    saveMapping.reset();
                  }}
                />
              )}
            </Field>
            <button type="submit" disabled={mappingName.trim() === '' || !mappingOk || saveMapping.isPending}>
              {t('imports:columns.save')}
            </button>
            {saveMapping.isSuccess ? (
              <span className="notice notice-success" role="status">
                {t('imports:columns.savedOk', { name: saveMapping.data.name })}
              </span>
            ) : null}
          </form>
          {!mappingOk && Object.keys(columns).length === 0 ? <p className="field-error">{t('imports:columns.nothing')}</p> : null}
          {dryRunCall.isPending ? <ImportBusy what="checking" kind={kind} /> : null}
          <FileError error={dryRunCall.error} />
          <div className="actions">
            <button type="button" onClick={() => go('read')}>
              {t('imports:back')}
            </button>
            <button type="button" className="primary" disabled={!mappingOk || dryRunCall.isPending} onClick={checkRun}>
              {t('imports:columns.dryRun')}
            </button>
          </div>
        </section>
      ) : null}

      {step === 'check' && dry && file ? (
        <section className="card" aria-labelledby="import-step">
          <h2 id="import-step" ref={headingRef} tabIndex={-1}>
            {t('imports:check.title')}
          </h2>
          <p className="field-hint">{t('imports:check.nothingYet')}</p>
          <ImportCounts answer={dry} done={false} kind={kind} />
          <ImportRowsTable answer={dry} done={false} kind={kind} />
          {runCall.isPending ? <ImportBusy what="importing" kind={kind} /> : null}
          <FileError error={runCall.error} />
          <p>{t('imports:check.allOrNone')}</p>
          <div className="actions">
            <button type="button" disabled={runCall.isPending} onClick={() => go('columns')}>
              {t('imports:back')}
            </button>
            <button type="button" className="primary" disabled={runCall.isPending} onClick={confirm}>
              {t('imports:check.confirm', { count: (dry.created ?? 0) + (dry.updated ?? 0), n: format.number((dry.created ?? 0) + (dry.updated ?? 0)) })}
            </button>
          </div>
        </section>
      ) : null}

      {step === 'done' && result ? (
        <section className="card" aria-labelledby="import-step">
          <h2 id="import-step" ref={headingRef} tabIndex={-1}>
            {t('imports:done.title')}
          </h2>
          <div className="notice notice-success" role="status">
            {t('imports:done.summary', { count: result.created ?? 0, n: format.number(result.created ?? 0), file: file?.fileName ?? '' })}
          </div>
          <ImportCounts answer={result} done kind={kind} />
          <div className="actions">
            {result.reportId ? <RejectedDownload reportId={result.reportId} count={result.rejected ?? 0} /> : null}
            <button type="button" onClick={startOver}>
              {t('imports:done.again')}
            </button>
          </div>
          <ImportRowsTable answer={result} done kind={kind} />
        </section>
      ) : null}

      {step === 'file' || step === 'done' ? <ImportHistory kind={kind} /> : null}
    </div>
  );
}
