// The embed pages (web/embed/*.js) import the bundle by its built address, './backprop-tutor.js' beside them in
// build/site/embed/, which does not exist in the source tree: this types that import as the bundle's entry
// (web/src/embed/backprop-tutor.js), and the shell's script likewise, for the type check only.
declare module '*/backprop-tutor.js' {
  export const VERSION: typeof import('./backprop-tutor.js').VERSION;
  export const mountFromQuery: typeof import('./backprop-tutor.js').mountFromQuery;
  export const reportHeight: typeof import('./backprop-tutor.js').reportHeight;
  export const heapBytesInUse: typeof import('./backprop-tutor.js').heapBytesInUse;
  export const widgetDeclarations: typeof import('./backprop-tutor.js').widgetDeclarations;
  export const widgetDocs: typeof import('./backprop-tutor.js').widgetDocs;
}

// The embed build copies the site shell's script beside the pages too (build/site/shell/shell.js).
declare module '*/shell/shell.js' {
  export const startShell: typeof import('../shell/shell.js').startShell;
}
