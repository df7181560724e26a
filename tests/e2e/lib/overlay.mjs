// Reading Hush's overlay from a test. The overlay lives in a CLOSED shadow root so that the page's
// own scripts cannot read it; a test reaches it the way devtools do, through the DevTools
// protocol's DOM domain with `pierce: true`.

function walk(node, visit) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
  for (const shadow of node.shadowRoots ?? []) walk(shadow, visit);
}

function attribute(node, name) {
  const attrs = node.attributes ?? [];
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1];
  return undefined;
}

function textOf(node) {
  let text = '';
  walk(node, (n) => {
    if (n.nodeType === 3) text += n.nodeValue;
  });
  return text;
}

/** Box of a DOM node in CSS pixels of the viewport: { left, top, width, height }. */
async function boxOf(cdp, backendNodeId) {
  const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId });
  const [x1, y1, , , x3, y3] = model.border;
  return { left: x1, top: y1, width: x3 - x1, height: y3 - y1 };
}

/**
 * What Hush draws over `page`: `{ marks: [{left, top, width, height, severity}], badge: {text, tone,
 * hidden} | undefined, card: {text} | undefined, paste: {text} | undefined, buttons: {label: box} }`.
 * Hush redraws its marks as the text changes; a mark replaced between reading the tree and asking
 * its box makes the snapshot stale, and the whole overlay is read again.
 */
export async function readOverlay(page) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readOverlayOnce(page);
    } catch (error) {
      if (attempt >= 5 || !/Could not compute box model|No node with given id/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

async function readOverlayOnce(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    let host;
    walk(root, (n) => {
      if (n.nodeName === 'HUSH-GUARD') host = n;
    });
    const overlay = { marks: [], badge: undefined, card: undefined, paste: undefined, buttons: {} };
    if (!host) return overlay;
    const nodes = [];
    walk(host, (n) => nodes.push(n));
    for (const node of nodes) {
      const cls = attribute(node, 'class');
      const hidden = attribute(node, 'hidden') !== undefined;
      if (cls === 'mark') {
        overlay.marks.push({ ...(await boxOf(cdp, node.backendNodeId)), severity: attribute(node, 'data-severity') });
      } else if (cls === 'badge') {
        overlay.badge = { text: textOf(node), tone: attribute(node, 'data-tone'), hidden };
      } else if (cls === 'card' && !hidden) {
        overlay.card = { text: textOf(node) };
      } else if (cls === 'paste') {
        overlay.paste = { text: textOf(node) };
      } else if (node.nodeName === 'BUTTON' && !hidden) {
        try {
          overlay.buttons[textOf(node)] = await boxOf(cdp, node.backendNodeId);
        } catch {
          // A button in a hidden card has no box.
        }
      }
    }
    overlay.marks.sort((a, b) => a.top - b.top || a.left - b.left);
    return overlay;
  } finally {
    await cdp.detach();
  }
}

/** Polls the overlay until `until(overlay)` holds; returns the last overlay read. */
export async function waitForOverlay(page, until, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const overlay = await readOverlay(page);
    if (until(overlay) || Date.now() > deadline) return overlay;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Clicks one of Hush's buttons by its label, as a person would with the mouse. */
export async function clickOverlayButton(page, label) {
  const overlay = await readOverlay(page);
  const box = overlay.buttons[label];
  if (!box) throw new Error(`no "${label}" button in Hush's overlay (buttons: ${Object.keys(overlay.buttons).join(', ')})`);
  await page.mouse.click(box.left + box.width / 2, box.top + box.height / 2);
}
