import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { host } from '../../bridge/host';
import './print.css';

/**
 * The frame of a paper document (task sheets, route list): a toolbar that never prints (Print,
 * back to the board, the other document) and the sheets. window.print() is the browser's print
 * dialog in browser mode and Electron's in the desktop app; "Save as PDF" is one of its printers.
 */
export function PrintFrame(props: { heading: string; docTitle: string; other?: { to: string; label: string }; children: ReactNode }) {
  const { t } = useTranslation(['board']);
  const [saved, setSaved] = useState<string | null>(null);
  useDocumentTitle(props.docTitle);
  return (
    <div className="print-doc">
      <div className="print-toolbar no-print">
        <h1>{props.heading}</h1>
        <div className="actions">
          <button type="button" className="primary big" autoFocus onClick={() => window.print()}>
            {t('board:sheet.print')}
          </button>
          {host.printToPdf ? (
            <button type="button" className="big" onClick={() => void host.printToPdf?.(props.docTitle).then((file) => setSaved(file))}>
              {t('board:sheet.savePdf')}
            </button>
          ) : null}
          <Link to="/board" className="button">
            {t('board:sheet.back')}
          </Link>
          {props.other ? (
            <Link to={props.other.to} className="button">
              {props.other.label}
            </Link>
          ) : null}
        </div>
        <p className="field-hint">{t('board:sheet.printHint')}</p>
        {saved ? (
          <p className="notice notice-success" role="status">
            {t('board:sheet.savedPdf', { file: saved })}
          </p>
        ) : null}
      </div>
      {props.children}
    </div>
  );
}

/** The browser tab's title while a document is open: also the suggested name of a saved PDF. */
function useDocumentTitle(title: string) {
  useEffect(() => {
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);
}

/** The top of a sheet: the centre, the document's name and what it is about. */
export function SheetHead(props: { centre: string; title: string; meta: Array<{ label: string; value: string }>; aside?: string }) {
  return (
    <header className="sheet-head">
      <div>
        <p className="sheet-centre">{props.centre}</p>
        <h2 className="sheet-title">{props.title}</h2>
      </div>
      <div>
        <dl className="sheet-meta">
          {props.meta.map((m) => (
            <div key={m.label}>
              <dt>{m.label}</dt>
              <dd>{m.value}</dd>
            </div>
          ))}
        </dl>
        {props.aside ? <p className="sheet-aside">{props.aside}</p> : null}
      </div>
    </header>
  );
}
