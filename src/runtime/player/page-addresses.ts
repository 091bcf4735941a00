/**
 * Page addresses, for the web package only: the address of a page ends in `#page-<id>`, so a
 * learner can bookmark or share it, and the browser's Back and Forward move between pages. Inside
 * an LMS the course runs in a frame or window the LMS owns, and history entries there would change
 * what the LMS's own Back button does, so the LMS packages leave the address alone.
 */
const PREFIX = "#page-";

/** The course page the address names, if it names one. */
function pageInAddress(order: readonly string[]): string | undefined {
  const { hash } = window.location;
  if (!hash.startsWith(PREFIX)) return undefined;
  const id = decodeURIComponent(hash.slice(PREFIX.length));
  return order.includes(id) ? id : undefined;
}

/**
 * Keeps the address on the page shown: the first page replaces the address the learner came with,
 * each later one adds a history entry. Back and Forward show the page their address names.
 */
function followPageAddresses(order: readonly string[], show: (id: string) => void): (id: string) => void {
  let first = true;
  window.addEventListener("popstate", () => {
    const id = pageInAddress(order);
    if (id) show(id);
  });
  return (id) => {
    const address = `${PREFIX}${encodeURIComponent(id)}`;
    const replace = first;
    first = false;
    if (window.location.hash === address) return;
    try {
      if (replace) window.history.replaceState(null, "", address);
      else window.history.pushState(null, "", address);
    } catch {
      // A browser may refuse to change a page's address (a sandboxed frame, some file:// pages):
      // the page is shown all the same, without its address.
    }
  };
}

/**
 * What the web entry hands the player (player.ts imports only the type, so the LMS packages'
 * runtimes do not carry this code).
 */
export const pageAddresses = { opened: pageInAddress, follow: followPageAddresses };
export type PageAddresses = typeof pageAddresses;
