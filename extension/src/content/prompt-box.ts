/** Finding the prompt box on a page and reading its text. */
import type { SiteProfile } from '../shared/sites';

/** The prompt box that the user typed into last, else the first one on the page. */
export class PromptBoxLocator {
  private lastTyped: HTMLElement | undefined;

  constructor(private readonly site: SiteProfile) {}

  /** The prompt box an input event came from, if it came from one (shadow roots included). */
  boxOf(event: Event): HTMLElement | undefined {
    for (const node of event.composedPath()) {
      if (node instanceof HTMLElement && node.matches(this.site.promptBox)) {
        this.lastTyped = node;
        return node;
      }
    }
    return undefined;
  }

  /** The current prompt box, or `undefined` when the page has none (yet). */
  current(): HTMLElement | undefined {
    if (this.lastTyped?.isConnected) return this.lastTyped;
    return document.querySelector<HTMLElement>(this.site.promptBox) ?? undefined;
  }
}

/** The text of a prompt box as the user sees it. */
export function readText(box: HTMLElement): string {
  if (box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement) return box.value;
  return box.innerText;
}
