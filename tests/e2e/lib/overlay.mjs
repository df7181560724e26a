// Reading Hush's overlay from a test. The overlay lives in a CLOSED shadow root so that the page's
// own scripts cannot read it. A test gets hold of that root the way a browser's automation
// protocol allows and the page cannot: Chromium through the DevTools protocol (DOM.getDocument
// with `pierce: true`, then DOM.resolveNode), Firefox through WebDriver's Get Element Shadow Root
// (firefox.mjs), which returns closed roots as well. Either way the root is then handed to
// `overlayInShadowRoot`, which reads everything in one synchronous pass inside the page, so a
// snapshot is never half old, half new.

/**
 * Runs in the page with Hush's shadow root (or null): what Hush draws, as `{ marks: [{left, top,
 * width, height, severity}], badge: {text, tone, hidden} | undefined, card: {text} | undefined,
 * paste: {text} | undefined, send: {text} | undefined, notice: {text} | undefined, buttons: {label: box} }`
 * (paste, send and notice are Hush's prompts by name), boxes in CSS pixels of the viewport.
 * Only visible buttons (with a box) are listed.
 */
export function overlayInShadowRoot(root) {
  // Parts not shown are left out rather than set to undefined: WebDriver would turn those into null.
  const overlay = { marks: [], buttons: {} };
  if (!root) return overlay;
  const box = (element) => {
    const r = element.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height };
  };
  for (const element of root.querySelectorAll('*')) {
    const cls = element.getAttribute('class');
    if (cls === 'mark') {
      overlay.marks.push({ ...box(element), severity: element.dataset.severity });
    } else if (cls === 'badge') {
      overlay.badge = { text: element.textContent, tone: element.dataset.tone, hidden: element.hidden };
    } else if (cls === 'card' && !element.hidden) {
      overlay.card = { text: element.textContent };
    } else if (cls === 'prompt') {
      overlay[element.dataset.prompt] = { text: element.textContent };
    } else if (element.localName === 'button' && !element.hidden && element.getClientRects().length > 0) {
      overlay.buttons[element.textContent] = box(element);
    }
  }
  overlay.marks.sort((a, b) => a.top - b.top || a.left - b.left);
  return overlay;
}

/** Polls `read()` until `until(value)` holds or `timeoutMs` passes; resolves with the last value. */
export async function poll(read, until, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (until(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The first node named `name` in a CDP DOM tree, looking into shadow roots too. */
function findNode(node, name) {
  if (node.nodeName === name) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, name);
    if (found) return found;
  }
  return undefined;
}

/** What Hush draws over a Playwright (Chromium) `page`: see overlayInShadowRoot. */
export async function readOverlay(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const shadow = findNode(root, 'HUSH-GUARD')?.shadowRoots?.[0];
    if (!shadow) return overlayInShadowRoot(null);
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId,
      functionDeclaration: `function () { return (${overlayInShadowRoot})(this); }`,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`reading the overlay failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  } finally {
    await cdp.detach();
  }
}

/** Polls the overlay of a Playwright `page` until `until(overlay)` holds; returns the last read. */
export function waitForOverlay(page, until, timeoutMs = 10_000) {
  return poll(() => readOverlay(page), until, timeoutMs);
}

/** Clicks one of Hush's buttons on a Playwright `page` by its label, as a person would. */
export async function clickOverlayButton(page, label) {
  const box = buttonBox(await readOverlay(page), label);
  await page.mouse.click(box.left + box.width / 2, box.top + box.height / 2);
}

/** The box of the overlay's button labelled `label`; throws, naming the buttons there are, if none. */
export function buttonBox(overlay, label) {
  const box = overlay.buttons[label];
  if (!box) throw new Error(`no "${label}" button in Hush's overlay (buttons: ${Object.keys(overlay.buttons).join(', ')})`);
  return box;
}
