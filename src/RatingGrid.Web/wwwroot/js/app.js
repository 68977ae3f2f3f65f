// Starts GOV.UK Frontend's components, and follows each live part of the page (live.js). Loaded as
// a module: deferred, and no inline script is needed (the Content-Security-Policy allows none). The
// modules are imported at the fingerprinted addresses the page gives on boot.js's tag, so they are
// cached for good and a load asks nothing again; an import by a plain path would be revalidated on
// every load.
const addresses = document.querySelector("script[data-app]").dataset;
const address = (path) => new URL(path, document.baseURI).href;
const [{ initAll }, { follow }] = await Promise.all([import(address(addresses.govuk)), import(address(addresses.live))]);

function start() {
  document.body.classList.add("govuk-frontend-supported");
  initAll();
  follow();
}

start();
// Enhanced navigation replaces the page's content without a load: start again on the new content.
window.Blazor?.addEventListener("enhancedload", start);
