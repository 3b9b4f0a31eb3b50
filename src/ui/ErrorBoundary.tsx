import { Component, type ErrorInfo, type ReactNode } from 'react';
import { messages } from './i18n/messages';

const { common, errors } = messages;

interface Props {
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Around each page: a bug that throws while rendering shows what happened and the way back, never a white screen.
 * Nothing a learner did is lost (progress and notes are saved as they go); the library is one link away.
 */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever opens the console to report it; the page says it in words.
    console.error('The page failed to render:', error, info.componentStack);
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="page-message error-boundary">
        <h1>{errors.boundary.heading}</h1>
        <p role="alert">{errors.boundary.couldNotShow(error.message || error.name)}</p>
        <p>
          {errors.boundary.kept} <a href="#/">{common.backToLibrary}</a>
          {errors.boundary.orReload}
        </p>
      </main>
    );
  }
}
