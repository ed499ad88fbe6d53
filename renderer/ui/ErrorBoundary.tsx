import { Component, useEffect, useId, useRef, type ErrorInfo, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { redactRendererError } from '../../shared/logging/renderer-error';
import { reportRendererError } from '../app/reportRendererError';
import './error-boundary.css';

/*
 * Each screen sits in an error boundary (ARCHITECTURE.md, "The UI"): an exception while drawing
 * one screen replaces that screen with a calm message, and the header, the navigation and every
 * other screen go on working. App.tsx puts one around each route's element and one around the
 * whole app (for the sign-in, lock and first-run screens, and the header itself).
 *
 * A small class of our own rather than react-error-boundary (6.x, which supports React 19): what
 * we need from it (catch, report, reset when the user moves to another screen or tries again) is
 * the class below; the fallback and the redacted report are ours either way, and a dependency
 * would bring a package and a lock-file change for thirty lines.
 */

interface BoundaryProps {
  /** The route pattern as declared in App.tsx (`residents/:id`), never the URL; null outside the routes. */
  route: string | null;
  /** Changes on every navigation: a failed boundary starts again when it changes. */
  resetKey: string;
  children: ReactNode;
}

class ScreenBoundaryClass extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    reportRendererError(redactRendererError({ error, componentStack: info.componentStack, route: this.props.route }));
  }

  override componentDidUpdate(prevProps: BoundaryProps, prevState: { failed: boolean }): void {
    // Only a boundary that had already failed before this navigation starts again: a screen that
    // fails while being opened keeps its message.
    if (this.state.failed && prevState.failed && prevProps.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render(): ReactNode {
    return this.state.failed ? <ScreenFailed onRetry={() => this.setState({ failed: false })} /> : this.props.children;
  }
}

/** For React's root error handlers (renderer/app/rootErrors.ts): errors our boundaries have reported already. */
export function isScreenBoundary(boundary: unknown): boolean {
  return boundary instanceof ScreenBoundaryClass;
}

/** An error boundary for one screen (or, with route null, the whole app); it starts again on navigation. */
export function ScreenBoundary({ route, children }: { route: string | null; children: ReactNode }) {
  const { key } = useLocation();
  return (
    <ScreenBoundaryClass route={route} resetKey={key}>
      {children}
    </ScreenBoundaryClass>
  );
}

/** The history entry index that React Router keeps in history.state: above 0, there is a screen of ours to go back to. */
function canGoBack(): boolean {
  const state: unknown = window.history.state;
  return typeof state === 'object' && state !== null && 'idx' in state && typeof state.idx === 'number' && state.idx > 0;
}

/**
 * What the user sees instead of a screen that could not be drawn: what happened, that nothing was
 * lost, and what to do, with focus on the heading so that a keyboard or screen-reader user knows
 * where they are. "Try again" asks the core again for what the screen shows.
 */
function ScreenFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const back = canGoBack();
  useEffect(() => heading.current?.focus(), []);

  const retry = () => {
    // The failed screen's answers are no longer watched: drop them, so that it asks the core again
    // instead of drawing the same answer from the cache.
    client.removeQueries({ type: 'inactive' });
    void client.invalidateQueries({ type: 'active' });
    onRetry();
  };

  return (
    <section className="screen-failed" aria-labelledby={headingId}>
      <h1 id={headingId} ref={heading} tabIndex={-1}>
        {t('common:screenError.title')}
      </h1>
      <p className="screen-failed-safe">{t('common:screenError.safe')}</p>
      <p>{t('common:screenError.whatToDo')}</p>
      <div className="actions">
        {back ? (
          <button type="button" className="primary" onClick={() => void navigate(-1)}>
            {t('common:screenError.back')}
          </button>
        ) : null}
        <button type="button" className={back ? undefined : 'primary'} onClick={() => void navigate('/')}>
          {t('common:screenError.home')}
        </button>
        <button type="button" onClick={retry}>
          {t('common:screenError.retry')}
        </button>
      </div>
    </section>
  );
}
