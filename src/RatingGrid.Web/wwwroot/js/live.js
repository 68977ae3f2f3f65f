// Keeps each live part ([data-live]) of the page current: one EventSource per part, to its address,
// after the version the page was rendered at. Each event is the part's new HTML (rendered on the
// server, as the page was) with its version as the event id; after a break the browser reconnects
// by itself and sends the last id, so nothing is missed. Changes are announced politely to screen
// readers ([data-live-status], aria-live="polite"), not read out whole.
// Enhanced navigation patches the next page into the same elements, so a part may stay in the
// document with another address: its feed is the one for the address it now has.
const followed = new Map();

export function follow() {
  for (const [part, feed] of followed) {
    if (!part.isConnected || part.dataset.live !== feed.address) {
      feed.source.close();
      followed.delete(part);
    }
  }

  for (const part of document.querySelectorAll("[data-live]")) {
    if (followed.has(part)) {
      continue;
    }

    const address = new URL(part.dataset.live, document.baseURI);
    address.searchParams.set("after", part.dataset.version ?? "0");
    const source = new EventSource(address);
    source.onmessage = (event) => {
      part.innerHTML = event.data;
      part.dataset.version = event.lastEventId;
      say("The figures on this page have changed.");
    };
    source.addEventListener("problem", (event) => {
      source.close();
      part.insertAdjacentHTML("afterbegin", event.data);
      say("The figures on this page no longer update.");
    });
    followed.set(part, { address: part.dataset.live, source });
  }
}

function say(words) {
  const status = document.querySelector("[data-live-status]");
  if (status) {
    status.textContent = "";
    // A change of text is what a screen reader announces; clearing first makes a repeat heard too.
    setTimeout(() => { status.textContent = words; }, 50);
  }
}
