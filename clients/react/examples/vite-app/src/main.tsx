import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import App from "./App.tsx";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App baseUrl={import.meta.env.VITE_BACKEND_URL ?? "/"} tenantId="demo" token="" />
  </StrictMode>,
);
