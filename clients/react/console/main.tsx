import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { takeEntry } from "./embed";
import { clearLogin } from "./session";
import "./styles.css";

// The token handed in the address leaves it before anything renders (history and screen); it
// replaces whatever session this tab held (maybe another salon's).
const entry = takeEntry();
if (entry) clearLogin();
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App entry={entry} />
    </StrictMode>,
  );
}
