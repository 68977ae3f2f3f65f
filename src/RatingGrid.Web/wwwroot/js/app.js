// Starts GOV.UK Frontend's components, and follows each live part of the page (live.js). Loaded as
// a module: deferred, and no inline script is needed (the Content-Security-Policy allows none).
import { initAll } from "../lib/govuk-frontend.min.js";
import { follow } from "./live.js";

function start() {
  document.body.classList.add("govuk-frontend-supported");
  initAll();
  follow();
}

start();
// Enhanced navigation replaces the page's content without a load: start again on the new content.
window.Blazor?.addEventListener("enhancedload", start);
