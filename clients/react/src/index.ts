// @agenda-cheia/react: drop-in pieces for the salon dashboard (seed, Phase 2).
export * from "./types.js";
export * from "./reducer.js";
export * from "./sync.js";
export * from "./api.js";
export * from "./format.js";
export * from "./workingHours.js";
export * from "./failureTexts.js";
export { useAgentSync, type UseAgentSyncOptions, type AgentSync } from "./useAgentSync.js";
export { AgentProvider, useAgent, type AgentContextValue, type AgentProviderProps } from "./AgentContext.js";
export { AuthRequestCard, type AuthRequestCardProps } from "./AuthRequestCard.js";
