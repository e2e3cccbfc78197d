// The module the package build writes beside markdown-it-bp.js (web/src/embed/package/integrations.mjs): every
// widget tag with its declared attribute names, from the widgets' declarations. Typed here for the type check.
export const WIDGET_ATTRIBUTES: Record<string, string[]>;
