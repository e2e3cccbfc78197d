// @ts-check
// One row per variable of the formula: its name, a text field (any number the engine reads: -2, 0.5, 1e-3) and a
// slider beside it. Rows are rebuilt when the variables change, keeping the values of names that stay.
// Slider bounds are screen geometry only; the numbers themselves are read by the engine.

/**
 * @param {HTMLElement} container
 * @param {(values: Record<string, string>) => void} onChange called on every edit, with all values as text
 */
export function createInputs(container, onChange) {
  /** @type {Record<string, string>} */
  let values = {};

  /** A slider range that contains the value with room to move: ±10, or ±2|v| for larger values. @param {number} v */
  const bound = (v) => (Number.isFinite(v) && Math.abs(v) > 5 ? Math.ceil(Math.abs(v) * 2) : 10);

  /** @param {string} name */
  function row(name) {
    const id = `input-${name}`;
    const text = Object.assign(document.createElement('input'), { type: 'text', id, value: values[name], inputMode: 'decimal',
      autocomplete: 'off', spellcheck: false });
    text.dataset.variable = name;
    const slider = Object.assign(document.createElement('input'), { type: 'range', step: '0.01' });
    slider.setAttribute('aria-label', name);
    const setRange = () => {
      const v = Number(text.value);
      const b = bound(v);
      slider.min = String(-b);
      slider.max = String(b);
      if (Number.isFinite(v)) slider.value = String(v);
    };
    setRange();
    const label = Object.assign(document.createElement('label'), { htmlFor: id, textContent: name });
    text.addEventListener('input', () => { values[name] = text.value.trim(); setRange(); onChange({ ...values }); });
    slider.addEventListener('input', () => {
      // The slider moves in steps of 0.01 (plenty for a drag); typed values keep every digit.
      text.value = slider.value;
      values[name] = text.value;
      onChange({ ...values });
    });
    const div = document.createElement('div');
    div.className = 'input-row';
    div.append(label, text, slider);
    return div;
  }

  return {
    /** Shows rows for `names`, keeping known values and taking `initial` (or "1") for new ones. @param {string[]} names @param {Record<string, string>} [initial] */
    setVariables(names, initial = {}) {
      values = Object.fromEntries(names.map((name) => [name, initial[name] ?? values[name] ?? '1']));
      container.replaceChildren(...names.map(row));
      return { ...values };
    },
    get values() { return { ...values }; },
  };
}
