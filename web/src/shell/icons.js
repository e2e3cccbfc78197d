// @ts-check
// The top bar's icons as inline SVG (24×24, drawn with the text colour): one per section and one per theme. Markup
// strings for the build-time bar; decorative (aria-hidden), the label beside each icon names the control.

const PATHS = {
  home: 'M3 11.5 12 4l9 7.5M5.5 9.5V20h5v-6h3v6h5V9.5',
  lessons: 'M12 7c-2-1.6-5-2-8-1.5v13c3-.5 6 0 8 1.5 2-1.5 5-2 8-1.5v-13c-3-.5-6-.1-8 1.5Zm0 0v13',
  playground: 'M7 6.8 11 16.2m6-9.4L13 16.2M4 5a2 2 0 1 0 4 0 2 2 0 1 0-4 0m12 0a2 2 0 1 0 4 0 2 2 0 1 0-4 0m-6 13a2 2 0 1 0 4 0 2 2 0 1 0-4 0',
  train: 'M4 4v16h16M7 7c2 7 5 9 12 10',
  embed: 'm8.5 7-5 5 5 5m7-10 5 5-5 5m-2-12-3 14',
  auto: 'M3.5 12a8.5 8.5 0 1 0 17 0 8.5 8.5 0 1 0-17 0M12 3.5v17M12 7l-4.5 4.5M12 12l-5 5',
  light: 'M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7ZM12 2.5v2.5m0 14v2.5M2.5 12H5m14 0h2.5M5.3 5.3l1.8 1.8m9.8 9.8 1.8 1.8m0-13.4-1.8 1.8m-9.8 9.8-1.8 1.8',
  dark: 'M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z',
};

/** @param {keyof typeof PATHS} name @param {string} [className] */
export const icon = (name, className = 'shell-icon') =>
  `<svg class="${className}" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d="${PATHS[name]}"/></svg>`;
