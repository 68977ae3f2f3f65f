// Starts the page's scripts (Blazor's, for enhanced navigation, then app.js) once the page's figures
// are on screen. Nothing on a page needs script to show, and on a busy machine the browser
// rasterises the first frame on the same cores that would otherwise compile and start the scripts:
// started at once they put the figures on screen later (docs/benchmarks.md, the dashboard). The
// first-contentful-paint entry is reported once that frame has been presented; a page that never
// paints (a tab opened in the background) starts after a second all the same.
(() => {
  const boot = document.currentScript;
  let started = false;

  function start() {
    if (started) {
      return;
    }

    started = true;
    const blazor = document.createElement("script");
    blazor.src = boot.dataset.blazor;
    // app.js listens for Blazor's enhanced navigation, so it starts after Blazor (or without it).
    blazor.onload = blazor.onerror = () => import(new URL(boot.dataset.app, document.baseURI).href);
    document.body.append(blazor);
  }

  if (PerformanceObserver.supportedEntryTypes?.includes("paint")) {
    new PerformanceObserver((paints, observer) => {
      if (paints.getEntriesByName("first-contentful-paint").length > 0) {
        observer.disconnect();
        start();
      }
    }).observe({ type: "paint", buffered: true });
    setTimeout(start, 1000);
  } else {
    addEventListener("load", start);
  }
})();
