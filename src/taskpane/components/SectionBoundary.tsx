import { Component, type ReactNode } from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

/**
 * A section's code is loaded when it is first opened; if that fails (offline, or a new version
 * was deployed meanwhile) the section says what to do instead of blanking the pane.
 */
export class SectionBoundary extends Component<{ children: ReactNode }, { failed: string | null }> {
  override state = { failed: null as string | null };

  static getDerivedStateFromError(error: unknown): { failed: string } {
    return { failed: error instanceof Error ? error.message : String(error) };
  }

  override render(): ReactNode {
    if (this.state.failed === null) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This section could not be loaded</MessageBarTitle>
          Check the network connection, then close and reopen the pane. ({this.state.failed})
        </MessageBarBody>
      </MessageBar>
    );
  }
}
