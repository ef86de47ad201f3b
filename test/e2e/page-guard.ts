import type { BrowserContext, Page } from "playwright-core";
import { OFFICE_JS_URL } from "./office-stubs";

/**
 * Watches a page for what must never happen in the pane: a console error (CSP violations land
 * there too), an uncaught exception, a failed request, or any request to an origin other than the
 * local test server and the (routed) office.js CDN. The pane must work offline and send nothing out.
 */
export class PageGuard {
  readonly problems: string[] = [];

  constructor(
    private readonly page: Page,
    private readonly origin: string,
  ) {
    page.on("console", (message) => {
      if (message.type() === "error") this.problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => this.problems.push(`uncaught: ${error.message}`));
    page.on("request", (request) => {
      const url = request.url();
      if (url.startsWith("blob:") || url.startsWith("data:")) return;
      const origin = new URL(url).origin;
      if (origin === this.origin || url === OFFICE_JS_URL) return;
      this.problems.push(`request to another origin: ${url}`);
    });
    page.on("requestfailed", (request) => {
      // A download's navigation to a blob: URL reports as "aborted" once the file is handed over.
      if (request.url().startsWith("blob:")) return;
      this.problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? "?"})`);
    });
  }

  /** Throws listing everything seen, so a case fails on it. */
  assertClean(): void {
    if (this.problems.length > 0) throw new Error(`page problems:\n  - ${this.problems.join("\n  - ")}`);
  }
}

/** Answers the office.js URL with a stand-in script and refuses every other outside request. */
export async function routeOutside(context: BrowserContext, officeScript: string, origin: string): Promise<void> {
  await context.route(
    (url) => url.origin !== origin && url.protocol.startsWith("http"),
    (route) => {
      if (route.request().url() === OFFICE_JS_URL) {
        return route.fulfill({ status: 200, contentType: "text/javascript", body: officeScript });
      }
      return route.abort("blockedbyclient");
    },
  );
}
