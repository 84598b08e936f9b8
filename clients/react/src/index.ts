// @agenda-cheia/react: drop-in pieces for the salon dashboard (seed, Phase 2).
export * from "./types";
export * from "./reducer";
export * from "./sync";
export * from "./api";
export * from "./format";
export { useAgentSync, type UseAgentSyncOptions, type AgentSync } from "./useAgentSync";
export { AgentProvider, useAgent, type AgentContextValue, type AgentProviderProps } from "./AgentContext";
export { AuthRequestCard, type AuthRequestCardProps } from "./AuthRequestCard";
