// Run actions or events through the reducer from the initial state (shared by reducer tests).
import {
  actionsForEvent,
  agentReducer,
  initialAgentState,
  type AgentState,
  type AppAction,
} from "../src/reducer";
import type { AgentEvent } from "../src/types";

export function reduce(actions: AppAction[], state: AgentState = initialAgentState): AgentState {
  return actions.reduce(agentReducer, state);
}

export function apply(events: AgentEvent[], state: AgentState = initialAgentState): AgentState {
  return reduce(events.flatMap(actionsForEvent), state);
}
