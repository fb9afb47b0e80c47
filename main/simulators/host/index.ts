/**
 * The simulator host: one loopback HTTP server for the simulated services (Meta today, CXone
 * next), each a plugin; see `plugin.ts` for the contract a plugin fulfils.
 */
export { BodyError } from './body';
export { createFaultBoard, type ArmedFault, type ArmOptions, type FaultBoard, type FaultDeclaration } from './faults';
export { escapeHtml } from './html';
export { SWITCHBOARD_PATH } from './pages';
export {
  isLanguage,
  LANGUAGES,
  type HostContext,
  type Language,
  type Localized,
  type PluginPage,
  type ReplyHeaders,
  type RouteAudience,
  type RouteHandler,
  type RouteMethod,
  type RouteOptions,
  type RouteTable,
  type SimulatorPlugin,
  type SimulatorReply,
  type SimulatorRequest,
} from './plugin';
export { startSimulatorHost, type SimulatorHost, type SimulatorHostOptions } from './server';
export type { StateLoad } from './state-file';
