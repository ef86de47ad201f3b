import { MessageBar, MessageBarBody, MessageBarTitle, Text } from "@fluentui/react-components";
import type { StepState } from "../step-runner";
import { BuildProgress } from "./BuildProgress";

/** Progress with Cancel while a step runs; what happened when it was cancelled or failed, and what to do. */
export function StepFeedback<T, C = never>(props: {
  state: StepState<T, C>;
  onCancel: () => void;
  cancelledText?: string;
}): JSX.Element | null {
  const { state } = props;
  if (state.kind === "running")
    return <BuildProgress event={state.event} cancelling={state.cancelling} onCancel={props.onCancel} />;
  if (state.kind === "cancelled")
    return (
      <MessageBar intent="info">
        <MessageBarBody>{props.cancelledText ?? "Cancelled. Nothing was written."}</MessageBarBody>
      </MessageBar>
    );
  if (state.kind === "failed")
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{state.title}</MessageBarTitle>
          {state.advice} <Text size={200}>(Details: {state.detail})</Text>
        </MessageBarBody>
      </MessageBar>
    );
  return null;
}
