import { Component, type ReactNode } from 'react';

interface Props {
  /** What failed, for the message: "The faults panel". */
  readonly what: string;
  readonly children: ReactNode;
}

/**
 * Keeps a lazily loaded part from taking the page down with it: if its chunk fails to load (offline, a new
 * deployment) or it throws while rendering, the rest of the app goes on and this says so in one line.
 */
export class LoadBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <p className="load-failed" role="status">
        {this.props.what} could not be shown. Reload the page to try again.
      </p>
    );
  }
}
