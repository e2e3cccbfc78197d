// @ts-check
// Filling the training page's menus (a <select> or a <datalist>) with entries the engine defines, keeping the
// reader's choice where it still exists. DOM only: the entries come from the engine's capabilities.

/** Replaces a menu's entries. @param {HTMLElement} menu @param {[value: string, label: string][]} entries */
export function replaceOptions(menu, entries) {
  const chosen = menu instanceof HTMLSelectElement ? menu.value : '';
  menu.replaceChildren(...entries.map(([value, label]) => new Option(label, value)));
  if (menu instanceof HTMLSelectElement) menu.value = chosen;
}
