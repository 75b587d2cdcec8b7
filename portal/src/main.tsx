import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { loadConfig } from "./config";
import "./styles.css";

const root = createRoot(document.getElementById("root") as HTMLElement);

void loadConfig().then(async (config) => {
  if (typeof config === "string") {
    root.render(
      <main className="page">
        <h1>Governance Council portal</h1>
        <p role="alert" className="error">
          {config}
        </p>
      </main>,
    );
    return;
  }
  const { App } = await import("./app");
  root.render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
});
