/** The renderer for tools outside the worker (the benchmark): the same class the render jobs use. */
export { AllowedHosts } from '../http/address-policy';
export { findChromium } from './chromium';
export { PageRenderer, type RenderLimits, type RenderedPage } from './page-renderer';
