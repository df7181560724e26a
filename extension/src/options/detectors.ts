/**
 * Options: the engine's built-in detectors, each on or off. The list and its words come from the
 * engine (through the background); the background applies the choice to the engine.
 */
import { elementById, make } from '../shared/dom';
import type { DetectorInfo } from '../shared/messages';
import { send } from '../shared/messaging';
import { disabledDetectors, setDetectorDisabled } from '../shared/settings';

/** Shows one checkbox per detector, checked while it is on, or why the list cannot be shown. */
export async function showDetectors(): Promise<void> {
  const list = elementById('detectors', HTMLElement);
  const answer = await send({ kind: 'detectors' });
  if (!answer.ok) {
    elementById('detector-error', HTMLElement).textContent = `Cannot list the detectors: ${answer.error}`;
    return;
  }
  const off = new Set(await disabledDetectors());
  list.append(...answer.detectors.map((detector) => detectorToggle(detector, !off.has(detector.id))));
}

function detectorToggle({ id, label }: DetectorInfo, on: boolean): HTMLElement {
  const box = make('input', { type: 'checkbox', checked: on, name: id });
  box.addEventListener('change', () => void setDetectorDisabled(id, !box.checked));
  return make('label', { className: 'toggle' }, box, ` ${label}`);
}
