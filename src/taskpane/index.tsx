import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { detectHost } from "./host";

/** Waits for office.js (when present) to say where we run, then renders the pane once. */
async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const mode = await detectHost();
  createRoot(container).render(<App mode={mode} />);
}

void start();
