/** Options: the built-in detectors, each on or off (the background applies the choice to the engine). */
import { elementById, make } from '../shared/dom';
import { disabledDetectors, setDetectorDisabled } from '../shared/settings';

/** The engine's built-in detectors by id (engine/src/detectors, engine/src/names), in words. */
const DETECTORS: readonly { id: string; label: string }[] = [
  { id: 'email', label: 'Email addresses' },
  { id: 'phone', label: 'Phone numbers' },
  { id: 'credit_card', label: 'Payment card numbers' },
  { id: 'iban', label: 'IBANs (bank account numbers)' },
  { id: 'bank', label: 'Bank routing numbers' },
  { id: 'national_id', label: 'National ID numbers (SSN, NIR, Steuer-ID…)' },
  { id: 'ip_address', label: 'IP addresses' },
  { id: 'url_credentials', label: 'Passwords in web addresses' },
  { id: 'secret', label: 'API keys, tokens and passwords' },
  { id: 'money', label: 'Amounts of money' },
  { id: 'date_of_birth', label: 'Dates of birth' },
  { id: 'address', label: 'Postal addresses' },
  { id: 'person', label: "People's names" },
];

/** Shows one checkbox per detector, checked while it is on. */
export async function showDetectors(): Promise<void> {
  const off = new Set(await disabledDetectors());
  const items = DETECTORS.map(({ id, label }) => {
    const box = make('input', { type: 'checkbox', checked: !off.has(id), name: id });
    box.addEventListener('change', () => void setDetectorDisabled(id, !box.checked));
    return make('label', { className: 'toggle' }, box, ` ${label}`);
  });
  elementById('detectors', HTMLElement).append(...items);
}
