/**
 * What the office.js CDN URL answers in the browser tests (the CDN is never reached).
 *
 * OUTSIDE_OFFICE behaves like the real office.js opened in a plain browser tab: `Office.onReady()`
 * resolves with `{ host: null, platform: null }`. NO_OFFICE defines nothing, as when the script
 * could not run at all. IN_EXCEL is served after the Excel fake was installed by an init script:
 * it leaves the fake's globals alone.
 */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const OFFICE_CDN_ORIGIN = "https://appsforoffice.microsoft.com";

export const OUTSIDE_OFFICE = `
(function () {
  var info = { host: null, platform: null };
  window.Office = {
    HostType: { Excel: "Excel" },
    context: {},
    onReady: function (callback) {
      if (typeof callback === "function") callback(info);
      return Promise.resolve(info);
    },
  };
})();
`;

export const NO_OFFICE = "/* office.js stand-in: defines nothing */";

export const IN_EXCEL = "/* office.js stand-in: the Excel fake is already installed */";
