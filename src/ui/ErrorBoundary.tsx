import { Component, type ErrorInfo, type ReactNode } from 'react';

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
        <h1>Something went wrong on this page</h1>
        <p role="alert">The page could not be shown: {error.message || error.name}.</p>
        <p>
          Your progress and notes are kept in this browser. <a href="#/">Back to the case library</a>, or reload the
          page to try again.
        </p>
      </main>
    );
  }
}
